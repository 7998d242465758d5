using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using CustomerService.Core.Activities;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>
/// Runs one Direct Line WebSocket (directline.md §5): replay everything after the watermark, then live frames,
/// in sequence order with no duplicates; keep-alives as empty frames; inbound frames read and dropped.
/// </summary>
internal sealed class DirectLineStreamSession(
    DirectLineStreamHub hub,
    DirectLineHistory history,
    DirectLineActivityMapper mapper,
    IOptions<DirectLineOptions> options,
    TimeProvider timeProvider,
    ILogger<DirectLineStreamSession> logger)
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);
    private readonly DirectLineOptions _options = options.Value;

    /// <param name="watermark">Replay after this sequence; null replays nothing old.</param>
    public async Task RunAsync(WebSocket socket, string conversationId, long? watermark, CancellationToken requestAborted)
    {
        // Subscribe before reading the log: anything committed meanwhile is queued, and dropped later if replayed.
        var subscription = hub.Subscribe(conversationId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        var receiving = DiscardInboundAsync(socket, stop);
        var reason = "client closed";
        try
        {
            var last = watermark ?? await history.LastSequenceAsync(conversationId, stop.Token);
            Log.StreamOpened(logger, conversationId, last);
            last = await SendStoredAfterAsync(socket, conversationId, last, stop.Token);
            await PumpAsync(socket, subscription, last, subscription.LastFrameNumber, stop.Token);
            reason = subscription.EndReason ?? "client closed";
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went away or the host is stopping: the normal end of a socket.
        }
        catch (WebSocketException ex)
        {
            reason = "socket error";
            Log.StreamFailed(logger, ex, conversationId);
        }
        finally
        {
            hub.Unsubscribe(subscription);
            await CloseAsync(socket, subscription.EndReason);
            await stop.CancelAsync();
            await receiving;
            Log.StreamClosed(logger, conversationId, reason);
        }
    }

    private async Task PumpAsync(
        WebSocket socket, DirectLineStreamSubscription subscription, long last, long replayedUpTo, CancellationToken cancellationToken)
    {
        var conversationId = subscription.ConversationId;
        using var keepAlive = new PeriodicTimer(_options.KeepAliveInterval, timeProvider);
        var tick = keepAlive.WaitForNextTickAsync(cancellationToken).AsTask();
        var readable = subscription.Frames.WaitToReadAsync(cancellationToken).AsTask();
        while (true)
        {
            if (await Task.WhenAny(readable, tick) == tick)
            {
                if (!await tick)
                {
                    return;
                }

                // DLJS ignores empty frames; they keep proxies and Chrome from dropping an idle socket.
                await SendAsync(socket, [], cancellationToken);
                tick = keepAlive.WaitForNextTickAsync(cancellationToken).AsTask();
                continue;
            }

            if (!await readable)
            {
                return;
            }

            while (subscription.Frames.TryRead(out var frame))
            {
                if (frame.Ephemeral is { } ephemeral)
                {
                    // Typing queued while the log was replayed may predate replies already sent: a stale
                    // indicator after the last message is worse than none.
                    if (frame.Number > replayedUpTo)
                    {
                        await SendSetAsync(socket, [mapper.EphemeralToWire(conversationId, ephemeral)], null, cancellationToken);
                    }

                    continue;
                }

                var stored = frame.Stored!;
                if (stored[^1].Sequence <= last)
                {
                    continue;
                }

                if (stored[0].Sequence > last + 1)
                {
                    // Publishers race (an echo and a reply committed back to back): fill the gap from the log
                    // so frames always leave in sequence order; the queued copies are skipped above.
                    last = await SendStoredAfterAsync(socket, conversationId, last, cancellationToken);
                    continue;
                }

                var fresh = stored.Where(s => s.Sequence > last).ToList();
                last = fresh[^1].Sequence;
                var wire = fresh.Select(s => mapper.ToWire(conversationId, s)).OfType<Activity>().ToList();
                if (wire.Count > 0)
                {
                    await SendSetAsync(socket, wire, last, cancellationToken);
                }
            }

            readable = subscription.Frames.WaitToReadAsync(cancellationToken).AsTask();
        }
    }

    private async Task<long> SendStoredAfterAsync(WebSocket socket, string conversationId, long after, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await history.ReadAsync(conversationId, after, _options.MaxActivitiesPerPage, cancellationToken);
            if (page.Count == 0)
            {
                return after;
            }

            after = page[^1].Sequence;
            var wire = page.Select(s => mapper.ToWire(conversationId, s)).OfType<Activity>().ToList();
            if (wire.Count > 0)
            {
                await SendSetAsync(socket, wire, after, cancellationToken);
            }
        }
    }

    private Task SendSetAsync(WebSocket socket, IReadOnlyList<Activity> activities, long? watermark, CancellationToken cancellationToken)
    {
        var set = new DirectLineActivitySet(activities, watermark?.ToString(CultureInfo.InvariantCulture));
        return SendAsync(socket, JsonSerializer.SerializeToUtf8Bytes(set, ActivityJson.Options), cancellationToken);
    }

    private async Task SendAsync(WebSocket socket, byte[] payload, CancellationToken cancellationToken)
    {
        // A client that stops reading must not hold the pump forever; it reconnects and replays.
        using var timeout = new CancellationTokenSource(SendTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, linked.Token);
    }

    private static async Task DiscardInboundAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                // DLJS pings with "" every 20 s; other inbound frames are out of scope (§5) and dropped unread.
                var result = await socket.ReceiveAsync(buffer.AsMemory(), stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            if (!stop.IsCancellationRequested)
            {
                await stop.CancelAsync();
            }
        }
    }

    private static async Task CloseAsync(WebSocket socket, string? endReason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        var status = endReason is null ? WebSocketCloseStatus.NormalClosure : WebSocketCloseStatus.PolicyViolation;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.CloseOutputAsync(status, endReason ?? "closed", timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The peer is gone already; nothing left to tell it.
        }
    }
}

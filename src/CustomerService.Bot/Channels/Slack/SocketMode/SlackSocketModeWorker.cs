using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using CustomerService.Bot.Channels.Slack.Events;
using CustomerService.Bot.Channels.Slack.Interactivity;
using CustomerService.Bot.Channels.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack.SocketMode;

/// <summary>
/// Socket Mode receiver for hosts without a public URL: apps.connections.open → WebSocket → hello, envelopes
/// (acked with their envelope_id after they are taken in, within 3 s), disconnect → reconnect with a fresh URL.
/// Envelopes feed the same receivers as HTTP, so dedupe and storage behave the same (slack.md §7).
/// </summary>
internal sealed class SlackSocketModeWorker(
    ISlackApiClient api,
    ISlackSocketConnector connector,
    IServiceScopeFactory scopes,
    IOptions<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackSocketModeWorker> logger) : BackgroundService
{
    private const int MaxFrameBytes = 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !options.Value.SocketMode)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            string problem;
            try
            {
                var url = await api.OpenConnectionAsync(stoppingToken);
                using var socket = await connector.ConnectAsync(url, stoppingToken);
                var end = await RunConnectionAsync(socket, () => failures = 0, stoppingToken);
                if (end == ConnectionEnd.Stop)
                {
                    return;
                }

                problem = end == ConnectionEnd.Refresh ? "refresh" : "closed";
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (SlackApiException ex)
            {
                problem = ex.ErrorCode ?? "api_error";
            }
            catch (WebSocketException ex)
            {
                problem = "websocket_" + ex.WebSocketErrorCode;
            }
            catch (IOException)
            {
                problem = "io_error";
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Worker boundary: one bad connection must not stop the host; log it and reconnect.
                Log.SlackWorkFailed(logger, ex, "socket", "-");
                problem = "unexpected_error";
            }

            var delay = problem == "refresh" ? TimeSpan.Zero : Backoff(++failures);
            Log.SocketReconnecting(logger, problem, delay);
            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    internal async Task<ConnectionEnd> RunConnectionAsync(WebSocket socket, Action connected, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (socket.State == WebSocketState.Open)
        {
            buffer.ResetWrittenCount();
            if (!await ReceiveFrameAsync(socket, buffer, cancellationToken))
            {
                return ConnectionEnd.Closed;
            }

            SocketModeFrame? frame;
            try
            {
                frame = JsonSerializer.Deserialize<SocketModeFrame>(buffer.WrittenSpan, SlackJson.Options);
            }
            catch (JsonException)
            {
                Log.SocketFrameDropped(logger, "not JSON");
                continue;
            }

            switch (frame?.Type)
            {
                case "hello":
                    connected();
                    Log.SocketConnected(logger, frame.NumConnections ?? 0);
                    break;
                case "disconnect":
                    Log.SocketDisconnectRequested(logger, frame.Reason is { Length: <= 64 } reason ? reason : null);
                    if (frame.Reason == "link_disabled")
                    {
                        Log.SocketLinkDisabled(logger);
                        await CloseQuietlyAsync(socket);
                        return ConnectionEnd.Stop;
                    }

                    // "warning" and "refresh_requested": the URL is single-use, so get a new one now.
                    await CloseQuietlyAsync(socket);
                    return ConnectionEnd.Refresh;
                case "events_api" or "interactive" or "slash_commands":
                    await HandleEnvelopeAsync(socket, frame, cancellationToken);
                    break;
                default:
                    Log.SocketFrameDropped(logger, "unknown frame type");
                    break;
            }
        }

        return ConnectionEnd.Closed;
    }

    private async Task HandleEnvelopeAsync(WebSocket socket, SocketModeFrame frame, CancellationToken cancellationToken)
    {
        if (frame.EnvelopeId is not { Length: > 0 and <= 128 } envelopeId)
        {
            Log.SocketFrameDropped(logger, "envelope without id");
            return;
        }

        var result = SlackReceiveResult.Accepted;
        if (frame.Payload is { ValueKind: JsonValueKind.Object } payload)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, SlackJson.Options);
            await using var scope = scopes.CreateAsyncScope();
            result = frame.Type switch
            {
                "events_api" => await scope.ServiceProvider.GetRequiredService<SlackEventReceiver>()
                    .ReceiveAsync(bytes, frame.RetryAttempt ?? 0, frame.RetryReason, cancellationToken),
                "interactive" => await scope.ServiceProvider.GetRequiredService<SlackInteractionReceiver>()
                    .ReceivePayloadAsync(bytes, cancellationToken),
                _ => SlackReceiveResult.Accepted,
            };
        }

        // Busy is not acked, so Slack redelivers it, as a 503 does over HTTP; everything else is acked.
        if (result.Status == SlackReceiveStatus.Busy)
        {
            return;
        }

        var ack = JsonSerializer.SerializeToUtf8Bytes(new SocketModeAck(envelopeId), SlackJson.Options);
        await socket.SendAsync(ack, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        Log.SocketEnvelopeAcked(logger, envelopeId, frame.Type);
    }

    private async Task<bool> ReceiveFrameAsync(WebSocket socket, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var memory = buffer.GetMemory(8 * 1024);
            var received = await socket.ReceiveAsync(memory, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await CloseQuietlyAsync(socket);
                return false;
            }

            buffer.Advance(received.Count);
            if (buffer.WrittenCount > MaxFrameBytes)
            {
                Log.SocketFrameDropped(logger, "frame too large");
                await CloseQuietlyAsync(socket);
                return false;
            }

            if (received.EndOfMessage)
            {
                return true;
            }
        }
    }

    private static async Task CloseQuietlyAsync(WebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (WebSocketException)
        {
            // The peer is gone already; the reconnect loop takes over.
        }
        catch (OperationCanceledException)
        {
            // Same: closing is best effort.
        }
    }

    private TimeSpan Backoff(int failures)
    {
        // 1 s, 2 s, 4 s … capped, with jitter so many hosts do not reconnect in step.
        var max = options.Value.SocketMaxReconnectDelay;
        var seconds = Math.Min(max.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 16)));
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }
}

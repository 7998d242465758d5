using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace CustomerService.LoadGenerator.DirectLine;

/// <summary>
/// One conversation's WebSocket (directline.md §5): frames are ActivitySet JSON or an empty keep-alive.
/// Owned by one simulated customer; <see cref="ReceiveAsync"/> runs until the server closes or the customer cancels.
/// </summary>
internal sealed class DirectLineStream : IDisposable
{
    // Far above any sane ActivitySet frame; a bigger one is a server bug, not something to buffer.
    private const int MaxFrameBytes = 4 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly TimeProvider _timeProvider;

    public DirectLineStream(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _socket.Options.Proxy = null;
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
    }

    public async Task ConnectAsync(string streamUrl, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(streamUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeWs && uri.Scheme != Uri.UriSchemeWss))
        {
            // §1: DLJS opens streamUrl unchanged, so it must be an absolute ws:// or wss:// URL.
            throw new DirectLineProtocolException("streamUrl is not an absolute ws:// or wss:// URL (directline.md §1).");
        }

        LoopbackPolicy.EnsureLoopback(uri, "streamUrl");
        await _socket.ConnectAsync(uri, cancellationToken);
    }

    /// <summary>Reads frames until the server closes the socket or <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="onActivities">Called with each non-empty frame and the timestamp it finished arriving.</param>
    public async Task ReceiveAsync(Action<ActivitySet, long> onActivities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onActivities);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var length = 0;
            while (_socket.State == WebSocketState.Open)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= MaxFrameBytes)
                    {
                        throw new DirectLineProtocolException("A stream frame exceeded 4 MiB.");
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var result = await _socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                length += result.Count;
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var arrived = _timeProvider.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Text && length > 0)
                {
                    onActivities(Parse(buffer.AsSpan(0, length)), arrived);
                }

                // Empty frames are keep-alives (§5): nothing to parse.
                length = 0;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Closes politely when the socket is still open; a dead socket is simply dropped.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", cancellationToken);
            }
            catch (WebSocketException)
            {
                // The server went away first; the socket is being torn down anyway.
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    private static ActivitySet Parse(ReadOnlySpan<byte> frame)
    {
        ActivitySet? set;
        try
        {
            set = JsonSerializer.Deserialize(frame, DirectLineJsonContext.Default.ActivitySet);
        }
        catch (JsonException exception)
        {
            throw new DirectLineProtocolException("A stream frame was not ActivitySet JSON.", exception);
        }

        // §4: every JSON frame must carry an activities array, or DLJS breaks and reconnects.
        return set?.Activities is null
            ? throw new DirectLineProtocolException("A stream frame had no activities array (directline.md §4).")
            : set;
    }
}

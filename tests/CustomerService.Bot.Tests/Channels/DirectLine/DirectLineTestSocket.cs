using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerService.Bot.Tests.Channels.DirectLine;

/// <summary>A Direct Line WebSocket as the test sees it: every text frame, parsed, in arrival order.</summary>
public sealed class DirectLineTestSocket(WebSocket socket) : IAsyncDisposable
{
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(30);

    public WebSocket Socket => socket;

    /// <summary>All frames received so far; keep-alives are empty strings.</summary>
    public List<string> Frames { get; } = [];

    /// <summary>Activities of all ActivitySet frames so far, in order.</summary>
    public List<JsonObject> Activities { get; } = [];

    /// <summary>Reads frames until one activity matches; fails after 30 s without one.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> predicate)
    {
        var seen = Activities.FirstOrDefault(predicate);
        if (seen is not null)
        {
            return seen;
        }

        using var timeout = new CancellationTokenSource(FrameTimeout);
        while (true)
        {
            var frame = await ReceiveFrameAsync(timeout.Token) ?? throw new InvalidOperationException("The stream closed before the expected activity arrived.");
            foreach (var activity in frame)
            {
                if (predicate(activity))
                {
                    return activity;
                }
            }
        }
    }

    /// <summary>Reads the next frame; null when the server closed the socket.</summary>
    public async Task<List<JsonObject>?> ReceiveFrameAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        var text = Encoding.UTF8.GetString(message.ToArray());
        Frames.Add(text);
        if (text.Length == 0)
        {
            return [];
        }

        var set = JsonNode.Parse(text)!.AsObject();
        var activities = set["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Activities.AddRange(activities);
        return activities;
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The server may already have closed it.
            }
        }

        socket.Dispose();
    }
}

using System.Net.WebSockets;

namespace CustomerService.Bot.Channels.Slack.SocketMode;

/// <summary>Connects with <see cref="ClientWebSocket"/>, pinging so a dead link is noticed (slack.md §7.6).</summary>
internal sealed class ClientWebSocketConnector : ISlackSocketConnector
{
    public async Task<WebSocket> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(10);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(5);
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

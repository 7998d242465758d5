using System.Net.WebSockets;

namespace CustomerService.Bot.Channels.Slack.SocketMode;

/// <summary>Opens the Socket Mode WebSocket; tests swap in an in-process server.</summary>
internal interface ISlackSocketConnector
{
    Task<WebSocket> ConnectAsync(Uri url, CancellationToken cancellationToken);
}

using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CustomerService.Bot.Channels.Slack.SocketMode;
using CustomerService.Core.Activities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Bot.Tests.Slack;

public sealed class SlackSocketModeTests
{
    [Fact]
    public async Task SocketMode_EventEnvelope_IsAckedWithItsIdAndAnsweredInThread()
    {
        var connector = new InMemoryWebSocketConnector();
        await using var host = await SocketHostAsync(connector);
        var (url, slack) = await connector.NextAsync();

        await SendAsync(slack, """{"type":"hello","num_connections":1,"debug_info":{"host":"test"},"connection_info":{"app_id":"A0APP"}}""");
        await SendAsync(slack, Envelope("env-1", retryAttempt: 0));
        var ack = await ReceiveAsync(slack);
        var reply = await host.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Field("channel") == "D0SOCK");

        Assert.Equal(host.Slack.SocketUrl, url);
        Assert.Equal("Bearer xapp-test", Assert.Single(host.Slack.CallsTo("apps.connections.open")).Authorization);
        Assert.Equal("""{"envelope_id":"env-1"}""", ack);
        Assert.Equal("1772443800.000100", reply[0].Field("thread_ts"));
    }

    [Fact]
    public async Task SocketMode_RefreshRequested_ReconnectsWithAFreshUrlAndDedupesTheRedelivery()
    {
        var connector = new InMemoryWebSocketConnector();
        await using var host = await SocketHostAsync(connector);
        var (_, first) = await connector.NextAsync();
        await SendAsync(first, """{"type":"hello","num_connections":1}""");
        await SendAsync(first, Envelope("env-1", retryAttempt: 0));
        await ReceiveAsync(first);

        await SendAsync(first, """{"type":"disconnect","reason":"refresh_requested"}""");
        var closed = await first.ReceiveAsync(new byte[16], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var (_, second) = await connector.NextAsync();
        await SendAsync(second, """{"type":"hello","num_connections":1}""");
        await SendAsync(second, Envelope("env-2", retryAttempt: 1));
        var ack = await ReceiveAsync(second);

        Assert.Equal(WebSocketMessageType.Close, closed.MessageType);
        Assert.Equal(2, host.Slack.CallsTo("apps.connections.open").Count);
        Assert.Equal("""{"envelope_id":"env-2"}""", ack);
        Assert.Single(await host.TranscriptAsync("slack:T0001:D0SOCK"), a => a.Activity.From?.Role == RoleTypes.User);
    }

    [Fact]
    public async Task SocketMode_GarbageFrames_AreDroppedAndTheConnectionLives()
    {
        var connector = new InMemoryWebSocketConnector();
        await using var host = await SocketHostAsync(connector);
        var (_, slack) = await connector.NextAsync();

        await SendAsync(slack, "not json");
        await SendAsync(slack, """{"type":"events_api"}""");
        await SendAsync(slack, """{"type":"mystery","envelope_id":"x"}""");
        await SendAsync(slack, Envelope("env-ok", retryAttempt: 0));
        var ack = await ReceiveAsync(slack);

        Assert.Equal("""{"envelope_id":"env-ok"}""", ack);
        Assert.Equal(WebSocketState.Open, slack.State);
    }

    private static async Task<SlackTestHost> SocketHostAsync(InMemoryWebSocketConnector connector) =>
        await SlackTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Slack:SocketMode"] = "true",
                ["Slack:AppToken"] = "xapp-test",
                ["Slack:SigningSecret"] = null,
            },
            services =>
            {
                services.RemoveAll<ISlackSocketConnector>();
                services.AddSingleton<ISlackSocketConnector>(connector);
            });

    private static string Envelope(string envelopeId, int retryAttempt) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = retryAttempt,
        ["retry_reason"] = retryAttempt == 0 ? string.Empty : "timeout",
        ["payload"] = JsonDocument.Parse(SlackTestHost.MessageEvent("EvSOCK1", "D0SOCK", "U0CUST", "hello over the socket", "1772443800.000100")).RootElement,
    });

    private static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<string> ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }
}

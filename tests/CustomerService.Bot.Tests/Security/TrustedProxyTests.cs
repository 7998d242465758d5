using System.Net;
using System.Text;
using CustomerService.Bot.Tests.Channels.DirectLine;
using Microsoft.AspNetCore.Http;

namespace CustomerService.Bot.Tests.Security;

/// <summary>
/// Behind a reverse proxy every customer arrives from the proxy's address. With the proxy listed in
/// Security:TrustedProxies each customer's X-Forwarded-For address gets its own budget; anyone else's
/// X-Forwarded-For is ignored, so a client cannot escape its limit by claiming other addresses.
/// </summary>
public sealed class TrustedProxyTests : IDisposable
{
    private const string Proxy = "10.1.2.3";
    private const string DirectClient = "203.0.113.7";

    // Ten posts per address, then refusals; conversations allow far more, so only the address limit bites.
    private readonly BotApplication _app = new(new Dictionary<string, string?>
    {
        ["Security:AddressRequestsPerMinute"] = "10",
        ["Security:AddressBurst"] = "10",
        ["Security:MaxThrottleDelay"] = "00:00:00",
        ["Security:TrustedProxies:0"] = "10.1.0.0/16",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Post_CustomersBehindTrustedProxy_EachHasOwnAddressBudget()
    {
        var conversations = await StartAsync(4);

        var statuses = new List<int>();
        for (var i = 0; i < 24; i++)
        {
            // Four customers, six posts each: 24 posts from the proxy's one address, within every customer's own 10.
            var customer = i % conversations.Count;
            statuses.Add(await PostAsync(conversations[customer], Proxy, $"198.51.100.{customer + 1}", $"customer {customer} says {i}"));
        }

        Assert.All(statuses, s => Assert.Equal(StatusCodes.Status200OK, s));
    }

    [Fact]
    public async Task Post_OneCustomerBehindTrustedProxy_StillLimitedByOwnAddress()
    {
        var conversations = await StartAsync(6);

        var statuses = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add(await PostAsync(conversations[i % conversations.Count], Proxy, "198.51.100.9", $"one customer {i}"));
        }

        Assert.Equal(10, statuses.Count(s => s == StatusCodes.Status200OK));
        Assert.Equal(2, statuses.Count(s => s == StatusCodes.Status400BadRequest));
    }

    [Fact]
    public async Task Post_ForwardedForFromUntrustedClient_IgnoredAndLimitedByRealAddress()
    {
        var conversations = await StartAsync(6);

        var statuses = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            // Claims a new address every time; the host must count the connecting address instead.
            statuses.Add(await PostAsync(conversations[i % conversations.Count], DirectClient, $"198.51.100.{i + 1}", $"spoofed {i}"));
        }

        Assert.Equal(10, statuses.Count(s => s == StatusCodes.Status200OK));
        Assert.Equal(2, statuses.Count(s => s == StatusCodes.Status400BadRequest));
    }

    [Fact]
    public void Start_TrustedProxyNotAnAddress_FailsWithClearError()
    {
        using var app = new BotApplication(new Dictionary<string, string?> { ["Security:TrustedProxies:0"] = "proxy.example.com" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Security:TrustedProxies", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<List<StartedConversation>> StartAsync(int count)
    {
        var conversations = new List<StartedConversation>();
        for (var i = 0; i < count; i++)
        {
            conversations.Add(await new DirectLineTestClient(_app).StartAsync());
        }

        return conversations;
    }

    /// <summary>A post as Kestrel would see it: from <paramref name="remote"/>, carrying an X-Forwarded-For header.</summary>
    private async Task<int> PostAsync(StartedConversation conversation, string remote, string forwardedFor, string text)
    {
        var context = await _app.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = $"/v3/directline/conversations/{conversation.ConversationId}/activities";
            context.Request.Headers.Authorization = "Bearer " + conversation.Token;
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(DirectLineTestClient.Serialize(DirectLineTestClient.Message(text, "p-" + text))));
        });
        return context.Response.StatusCode;
    }
}

using System.Net;
using System.Text;
using CustomerService.Bot.Security;
using CustomerService.Bot.Tests.Channels.DirectLine;
using Microsoft.AspNetCore.Http;

namespace CustomerService.Bot.Tests.Security;

/// <summary>The rate limits on the real host: a flooding conversation is refused with a 400 Web Chat handles, polls never fail.</summary>
public sealed class DirectLineRateLimitTests : IDisposable
{
    // No waiting in these tests: polls over the limit are held for 0 s (the middleware tests cover the waiting).
    private readonly BotApplication _app = new(new Dictionary<string, string?>
    {
        ["Security:ConversationMessagesPerMinute"] = "6",
        ["Security:ConversationBurst"] = "3",
        ["Security:AddressRequestsPerMinute"] = "10",
        ["Security:AddressBurst"] = "10",
        ["Security:MaxThrottleDelay"] = "00:00:00",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Post_FloodFromOneConversation_Refused400ThrottledAndNothingStored()
    {
        var client = new DirectLineTestClient(_app);
        var conversation = await client.StartAsync();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 6; i++)
        {
            using var response = await client.PostActivityAsync(conversation.ConversationId, conversation.Token, DirectLineTestClient.Message($"flood {i}", $"c-{i}"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Assert.Equal(DirectLineThrottleMiddleware.ThrottledCode, DirectLineTestClient.ReadError(await DirectLineTestClient.ReadJsonAsync(response)).Code);
            }
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest }));
        // Read back with the secret, which is never throttled, so the check is not limited by the flood it checks.
        var (activities, _) = await client.PollAsync(conversation.ConversationId, BotApplication.Secret, null);
        Assert.DoesNotContain("flood 5", activities.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poll_FarOverTheAddressLimit_AlwaysAnswers200()
    {
        var conversation = await new DirectLineTestClient(_app).StartAsync();
        var statuses = new List<int>();

        for (var i = 0; i < 40; i++)
        {
            var context = await FromAddressAsync(HttpMethods.Get, $"/v3/directline/conversations/{conversation.ConversationId}/activities", conversation.Token);
            statuses.Add(context.Response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(StatusCodes.Status200OK, s));
    }

    [Fact]
    public async Task Post_OverTheAddressLimit_Refused400Throttled()
    {
        var conversations = new List<StartedConversation>();
        for (var i = 0; i < 6; i++)
        {
            conversations.Add(await new DirectLineTestClient(_app).StartAsync());
        }

        var statuses = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            var conversation = conversations[i % conversations.Count];
            var context = await FromAddressAsync(HttpMethods.Post, $"/v3/directline/conversations/{conversation.ConversationId}/activities", conversation.Token, $"from one address {i}");
            statuses.Add(context.Response.StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s == StatusCodes.Status200OK));
        Assert.Equal(2, statuses.Count(s => s == StatusCodes.Status400BadRequest));
    }

    [Fact]
    public async Task Post_OtherConversation_IsNotSlowedByAFloodingOne()
    {
        var client = new DirectLineTestClient(_app);
        var flooding = await client.StartAsync();
        var quiet = await client.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await client.PostActivityAsync(flooding.ConversationId, flooding.Token, DirectLineTestClient.Message($"flood {i}", $"f-{i}"));
        }

        using var response = await client.PostActivityAsync(quiet.ConversationId, quiet.Token, DirectLineTestClient.Message("hello", "q-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A request as Kestrel would see it from one client address (the in-memory server has none).</summary>
    private Task<HttpContext> FromAddressAsync(string method, string path, string token, string? text = null) =>
        _app.Server.SendAsync(context =>
        {
            context.Request.Method = method;
            context.Request.Path = path;
            context.Request.Headers.Authorization = "Bearer " + token;
            context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
            if (text is not null)
            {
                context.Request.ContentType = "application/json";
                context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(DirectLineTestClient.Serialize(DirectLineTestClient.Message(text, "addr-" + text))));
            }
        });
}

using System.Net;
using CustomerService.Bot.Security;
using CustomerService.Bot.Tests.Channels.DirectLine;

namespace CustomerService.Bot.Tests.Security;

/// <summary>The rate limits on the real host: a flooding conversation is refused with a 400 Web Chat handles, polls never fail.</summary>
public sealed class DirectLineRateLimitTests : IDisposable
{
    // No waiting in these tests: anything over the burst is "over the limit" at once (the middleware tests cover the waiting).
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
        var client = new DirectLineTestClient(_app);
        var conversation = await client.StartAsync();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 40; i++)
        {
            using var response = await client.GetAsync($"/v3/directline/conversations/{conversation.ConversationId}/activities?watermark=", conversation.Token);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
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
}

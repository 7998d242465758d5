using System.Net;
using CustomerService.Bot.Tests.Agents;
using CustomerService.Testing.Slack;

namespace CustomerService.Bot.Tests.Security;

public sealed class AdminApiTests : IDisposable
{
    private readonly FakeSlackWebApi _slack = new();
    private readonly BotApplication _app;

    public AdminApiTests()
    {
        _app = new BotApplication(
            SecurityTestSettings.Merge(
                SecurityTestSettings.Admin(),
                SecurityTestSettings.Slack(),
                AgentTestOptions.AsConfiguration(),
                new Dictionary<string, string?> { ["Privacy:RetentionDays"] = "0" }),
            services => SecurityTestSettings.UseFakeSlack(services, _slack));
    }

    public void Dispose()
    {
        _app.Dispose();
        _slack.Dispose();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData(AgentTestOptions.ApiKey)]
    public async Task Export_WithoutAdminKey_Returns401ProblemDetails(string? key)
    {
        await using var customer = await TestCustomer.StartAsync(_app);
        var customerId = await new AdminTestClient(_app).CustomerIdOfAsync(customer.UserId);

        using var response = await new AdminTestClient(_app, key).ExportAsync(customerId);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain(customer.UserId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentApi_WithAdminKey_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/agent/queue");
        request.Headers.Add("X-Api-Key", SecurityTestSettings.AdminKey);

        using var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Export_CustomerFoundByChannelIdentity_HasTheirMessagesAndNoOneElses()
    {
        await using var ada = await TestCustomer.StartAsync(_app);
        await using var bob = await TestCustomer.StartAsync(_app);
        await ada.SayAsync("ada-canary-4471 where is my parcel?");
        await bob.SayAsync("bob-canary-9902 hello");
        var admin = new AdminTestClient(_app);
        var customerId = await admin.CustomerIdOfAsync(ada.UserId);

        using var response = await admin.ExportAsync(customerId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.DispositionType, StringComparison.Ordinal);
        var json = await response.Content.ReadAsStringAsync();
        var export = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        Assert.Equal(customerId, export["customerId"]!.GetValue<string>());
        Assert.Equal(ada.ConversationId, export["conversations"]![0]!["summary"]!["id"]!.GetValue<string>());
        Assert.Contains("ada-canary-4471", json, StringComparison.Ordinal);
        Assert.DoesNotContain("bob-canary-9902", json, StringComparison.Ordinal);
        Assert.Contains(ada.UserId, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_EscalatedCustomer_RemovesEverythingAndTombstonesTheSlackCard()
    {
        await using var customer = await TestCustomer.StartAsync(_app);
        await customer.SayAsync("erase-canary-5150 my parcel is late");
        await customer.EscalateAsync();
        await SecurityTestSettings.DrainOutboxAsync(_app);
        var card = Assert.Single(_slack.Succeeded("chat.postMessage"), c => c.Field("channel") == SecurityTestSettings.CardsChannel);
        var admin = new AdminTestClient(_app);
        var customerId = await admin.CustomerIdOfAsync(customer.UserId);

        using var erased = await admin.EraseAsync(customerId);
        await SecurityTestSettings.DrainOutboxAsync(_app);

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var summary = await AdminTestClient.ReadJsonAsync(erased);
        Assert.Equal(1, summary["conversations"]!.GetValue<int>());
        Assert.Equal(1, summary["escalations"]!.GetValue<int>());
        Assert.Equal(1, summary["slackCardsToTombstone"]!.GetValue<int>());
        using var export = await admin.ExportAsync(customerId);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        using var lookup = await admin.FindAsync("webchat", customer.UserId);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        using var poll = await customer.Client.GetAsync($"/v3/directline/conversations/{customer.ConversationId}/activities", customer.Conversation.Token);
        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
        var queue = await new AgentApiKeyClient(_app).GetQueueAsync();
        Assert.DoesNotContain(customer.ConversationId, queue, StringComparison.Ordinal);
        var tombstone = Assert.Single(_slack.Succeeded("chat.update"), c => c.Field("ts") == card.AnswerField("ts"));
        Assert.DoesNotContain("erase-canary-5150", tombstone.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(customer.UserId, tombstone.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_UnknownCustomer_Returns404()
    {
        using var response = await new AdminTestClient(_app).EraseAsync("no-such-customer");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("\u0001bell")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    [InlineData(" ")]
    public async Task Export_InvalidCustomerId_Returns400(string customerId)
    {
        using var response = await new AdminTestClient(_app).ExportAsync(customerId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Find_MissingUserId_Returns400()
    {
        using var response = await new AdminTestClient(_app).SendAsync(HttpMethod.Get, "/api/admin/customers?channelId=webchat");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Retention_RunNow_DeletesOnlyConversationsInactiveLongerThanTheGivenDays()
    {
        var old = await ChatAndLeaveAsync("an old question");
        _app.Clock.Advance(TimeSpan.FromDays(3));
        var recent = await ChatAndLeaveAsync("a new question");
        var admin = new AdminTestClient(_app);

        using var response = await admin.RetentionAsync(2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await AdminTestClient.ReadJsonAsync(response))["conversations"]!.GetValue<int>() >= 1);
        Assert.Equal(0, await ConversationCountAsync(admin, old));
        Assert.Equal(1, await ConversationCountAsync(admin, recent));
    }

    [Fact]
    public async Task Retention_WithoutDaysAndRetentionOff_Returns400()
    {
        using var response = await new AdminTestClient(_app).RetentionAsync(null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // Closes the stream before the test moves the clock, so no keep-alive fires for every 15 s of the skipped days.
    private async Task<string> ChatAndLeaveAsync(string text)
    {
        await using var customer = await TestCustomer.StartAsync(_app);
        await customer.SayAsync(text);
        return customer.UserId;
    }

    private static async Task<int> ConversationCountAsync(AdminTestClient admin, string userId)
    {
        using var export = await admin.ExportAsync(await admin.CustomerIdOfAsync(userId));
        return (await AdminTestClient.ReadJsonAsync(export))["conversations"]!.AsArray().Count;
    }
}

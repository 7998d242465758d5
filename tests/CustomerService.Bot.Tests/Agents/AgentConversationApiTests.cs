using System.Net;
using System.Text.Json.Nodes;

namespace CustomerService.Bot.Tests.Agents;

public sealed class AgentConversationApiTests : IAsyncLifetime, IDisposable
{
    private readonly BotApplication _app = new(AgentTestOptions.AsConfiguration());
    private AgentTestClient _alice = null!;
    private AgentTestClient _bob = null!;

    public async Task InitializeAsync()
    {
        _alice = await AgentTestClient.SignedInAsync(_app, "alice", AgentTestOptions.AlicePassword);
        _bob = await AgentTestClient.SignedInAsync(_app, "bob", AgentTestOptions.BobPassword);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Queue_CustomerAskedForHuman_ListsItAsPendingWithReason()
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);

        var queue = await _alice.GetJsonAsync("/api/agent/queue?view=pending");

        var item = queue["items"]!.AsArray().Single(i => i!["conversationId"]!.GetValue<string>() == customer.ConversationId)!;
        Assert.Equal("pending", item["state"]!.GetValue<string>());
        Assert.Equal("explicitRequest", item["reason"]!.GetValue<string>());
        Assert.Equal("webchat", item["channelId"]!.GetValue<string>());
        Assert.True(queue["counts"]!["pending"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task Claim_TwoAgentsAtOnce_OneWinsAndTheOtherGets409NamingTheOwner()
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);

        var responses = await Task.WhenAll(_alice.ClaimAsync(customer.ConversationId), _bob.ClaimAsync(customer.ConversationId));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var winner = responses[0].StatusCode == HttpStatusCode.OK ? "alice" : "bob";
        var problem = await AgentTestClient.ReadJsonAsync(loser);
        Assert.Equal(winner, problem["owner"]!.GetValue<string>());
        Assert.Equal(winner == "alice" ? "Already claimed by Alice Agent." : "Already claimed by Bob Agent.", problem["detail"]!.GetValue<string>());
        var view = await _alice.GetJsonAsync($"/api/agent/conversations/{customer.ConversationId}");
        Assert.Equal("agent", view["state"]!.GetValue<string>());
        Assert.Equal(winner, view["assignedAgent"]!.GetValue<string>());
    }

    [Fact]
    public async Task Claim_Twice_BySameAgent_IsIdempotent()
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);
        using var first = await _alice.ClaimAsync(customer.ConversationId);

        using var second = await _alice.ClaimAsync(customer.ConversationId);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("noChange", (await AgentTestClient.ReadJsonAsync(second))["outcome"]!.GetValue<string>());
        var statusEvents = (await customer.PollAsync()).Count(a => a!["name"]?.GetValue<string>() == "handoff.status");
        Assert.Equal(1, statusEvents);
    }

    [Fact]
    public async Task Claim_CustomerSeesAgentJoinAndHandoffStatus()
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);

        using var response = await _alice.ClaimAsync(customer.ConversationId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await customer.Stream.WaitForAsync(a => a["name"]?.GetValue<string>() == "handoff.status");
        Assert.Equal("accepted", status["value"]!["state"]!.GetValue<string>());
        var activities = await customer.PollAsync();
        Assert.Contains(activities, a => a!["type"]!.GetValue<string>() == "message" && a["text"]!.GetValue<string>().Contains("Alice Agent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_ClaimedConversation_ReachesCustomerFromTheAgent()
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);
        using var claim = await _alice.ClaimAsync(customer.ConversationId);

        using var response = await _alice.ReplyAsync(customer.ConversationId, "Hi, I'm Alice. Let me check your order.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var activityId = (await AgentTestClient.ReadJsonAsync(response))["activityIds"]!.AsArray().Single()!.GetValue<string>();
        var pushed = await customer.Stream.WaitForAsync(a => a["id"]?.GetValue<string>() == activityId);
        Assert.Equal("Hi, I'm Alice. Let me check your order.", pushed["text"]!.GetValue<string>());
        var polled = (await customer.PollAsync()).Single(a => a!["id"]!.GetValue<string>() == activityId)!;
        Assert.Equal("alice", polled["from"]!["id"]!.GetValue<string>());
        Assert.Equal("Alice Agent", polled["from"]!["name"]!.GetValue<string>());

        // Web Chat knows only user and bot (directline.md G4): the agent speaks on the bot's side, under their own name.
        Assert.Equal("bot", polled["from"]!["role"]!.GetValue<string>());
        var view = await _alice.GetJsonAsync($"/api/agent/conversations/{customer.ConversationId}");
        var line = view["transcript"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == activityId)!;
        Assert.Equal("agent", line["role"]!.GetValue<string>());
        Assert.Equal("Alice Agent", line["fromName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reply_BeforeClaim_Returns409AndSendsNothing()
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);

        using var response = await _alice.ReplyAsync(customer.ConversationId, "hello?");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.DoesNotContain(await customer.PollAsync(), a => a!["from"]?["id"]?.GetValue<string>() == "alice");
    }

    [Fact]
    public async Task Reply_ByAgentWhoDoesNotOwnIt_Returns409()
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);
        using var claim = await _alice.ClaimAsync(customer.ConversationId);

        using var response = await _bob.ReplyAsync(customer.ConversationId, "I'll take it from here");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("alice", (await AgentTestClient.ReadJsonAsync(response))["owner"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("bell\u0007")]
    public async Task Reply_EmptyOrInvalidText_Returns400(string text)
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);
        using var claim = await _alice.ClaimAsync(customer.ConversationId);

        using var response = await _alice.ReplyAsync(customer.ConversationId, text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Reply_UnpairedSurrogateEscape_Returns400()
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);
        using var claim = await _alice.ClaimAsync(customer.ConversationId);

        using var response = await _alice.PostRawAsync($"/api/agent/conversations/{customer.ConversationId}/reply", "{\"text\": \"broken \\ud800 surrogate\"}", "application/json", _alice.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(await customer.PollAsync(), a => a!["from"]?["id"]?.GetValue<string>() == "alice");
    }

    [Fact]
    public async Task Reply_LongerThanLimit_Returns400NamingTheLimit()
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);
        using var claim = await _alice.ClaimAsync(customer.ConversationId);

        using var response = await _alice.ReplyAsync(customer.ConversationId, new string('a', 4001));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4000", (await AgentTestClient.ReadJsonAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_HugeBody_Returns413()
    {
        var body = "{\"text\":\"" + new string('x', 200_000) + "\"}";

        using var response = await _alice.PostRawAsync("/api/agent/conversations/c/reply", body, "application/json", _alice.Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"text\": ", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\": {\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": {\"g\": {\"h\": 1}}}}}}}}}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\": 42}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("text=hello", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task Reply_MalformedRequest_Returns4xxProblem(string body, string contentType, HttpStatusCode expected)
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);
        using var claim = await _alice.ClaimAsync(customer.ConversationId);

        using var response = await _alice.PostRawAsync($"/api/agent/conversations/{customer.ConversationId}/reply", body, contentType, _alice.Token);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Resolve_Owner_MovesQueuesAndTellsTheCustomer()
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);
        Assert.Contains(customer.ConversationId, await _alice.QueueAsync("pending"));
        using var claim = await _alice.ClaimAsync(customer.ConversationId);
        Assert.Contains(customer.ConversationId, await _alice.QueueAsync("mine"));
        Assert.DoesNotContain(customer.ConversationId, await _alice.QueueAsync("pending"));
        Assert.DoesNotContain(customer.ConversationId, await _bob.QueueAsync("mine"));

        using var response = await _alice.ResolveAsync(customer.ConversationId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("resolved", (await AgentTestClient.ReadJsonAsync(response))["state"]!.GetValue<string>());
        Assert.Contains(customer.ConversationId, await _alice.QueueAsync("resolved"));
        Assert.DoesNotContain(customer.ConversationId, await _alice.QueueAsync("mine"));
        var status = await customer.Stream.WaitForAsync(a => a["name"]?.GetValue<string>() == "handoff.status" && a["value"]?["state"]?.GetValue<string>() == "completed");
        Assert.Equal("resolved", status["value"]!["handoff"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resolve_ByAgentWhoDoesNotOwnIt_Returns409()
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);
        using var claim = await _alice.ClaimAsync(customer.ConversationId);

        using var response = await _bob.ResolveAsync(customer.ConversationId);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Claim_ResolvedConversation_Returns409SayingResolved()
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);
        using var claim = await _alice.ClaimAsync(customer.ConversationId);
        using var resolve = await _alice.ResolveAsync(customer.ConversationId);

        using var response = await _bob.ClaimAsync(customer.ConversationId);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await AgentTestClient.ReadJsonAsync(response);
        Assert.Equal("resolved", problem["state"]!.GetValue<string>());
        Assert.Contains("already resolved", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-conversation")]
    [InlineData("%3Cscript%3E")]
    public async Task Conversation_Unknown_Returns404Everywhere(string conversationId)
    {
        using var get = await _alice.Http.GetAsync(new Uri($"/api/agent/conversations/{conversationId}", UriKind.Relative));
        using var claim = await _alice.PostAsync($"/api/agent/conversations/{conversationId}/claim");
        using var resolve = await _alice.PostAsync($"/api/agent/conversations/{conversationId}/resolve");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, claim.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, resolve.StatusCode);
    }

    [Fact]
    public async Task Conversation_OverlongId_Returns404NotServerError()
    {
        using var response = await _alice.Http.GetAsync(new Uri($"/api/agent/conversations/{new string('x', 5000)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Conversation_Escalated_ShowsTranscriptWithIntentsWhyAndProfile()
    {
        _app.Nlu.Script("where is my parcel", "track_order", 0.91f);
        await using var customer = await EscalatedCustomer.CreateAsync(_app, "where is my parcel");

        var view = await _alice.GetJsonAsync($"/api/agent/conversations/{customer.ConversationId}");

        Assert.Equal("pending", view["state"]!.GetValue<string>());
        Assert.Equal("explicitRequest", view["escalation"]!["reason"]!.GetValue<string>());
        Assert.Equal("contact_human_agent", view["escalation"]!["intent"]!.GetValue<string>());
        var transcript = view["transcript"]!.AsArray();
        var parcel = transcript.Single(t => t!["text"]?.GetValue<string>() == "where is my parcel")!;
        Assert.Equal("user", parcel["role"]!.GetValue<string>());
        Assert.Equal("track_order", parcel["intent"]!.GetValue<string>());
        Assert.Equal(0.91, parcel["confidence"]!.GetValue<double>(), 3);
        Assert.Contains(transcript, t => t!["role"]?.GetValue<string>() == "bot" && t["type"]!.GetValue<string>() == "message");
        Assert.Contains(transcript, t => t!["name"]?.GetValue<string>() == "handoff.initiate");
        Assert.False(string.IsNullOrEmpty(view["customer"]!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<script>alert('xss')</script>")]
    [InlineData("\"><svg/onload=alert(1)>")]
    [InlineData("Zalgo ẗ̸̢h̵̛e̷ ̴ü̶ emoji 👩‍👩‍👧‍👦 RTL \u202Eevil")]
    public async Task Conversation_HostileCustomerText_IsReturnedVerbatimAsJsonData(string hostile)
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app, hostile);

        using var response = await _alice.Http.GetAsync(new Uri($"/api/agent/conversations/{customer.ConversationId}", UriKind.Relative));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var view = await AgentTestClient.ReadJsonAsync(response);
        Assert.Contains(view["transcript"]!.AsArray(), t => t!["text"]?.GetValue<string>() == hostile);
    }

    [Fact]
    public async Task Queue_UnknownView_Returns400()
    {
        using var response = await _alice.Http.GetAsync(new Uri("/api/agent/queue?view=everything", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Claim_ByApiKey_RecordsTheKeyNameAsOwner()
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);
        var automation = _app.CreateClient();
        automation.DefaultRequestHeaders.Add("X-Api-Key", AgentTestOptions.ApiKey);

        using var response = await automation.PostAsync(new Uri($"/api/agent/conversations/{customer.ConversationId}/claim", UriKind.Relative), content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("crm-sync", (await AgentTestClient.ReadJsonAsync(response))["assignedAgent"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dashboard_AfterConversations_CountsEscalationAndMisunderstood()
    {
        _app.Nlu.Script("flibber the gronk", "payment_issue", 0.21f);
        await using var customer = await EscalatedCustomer.CreateAsync(_app, "flibber the gronk");

        var dashboard = await _alice.GetJsonAsync("/api/agent/dashboard?days=7");

        Assert.True(dashboard["conversations"]!.GetValue<int>() >= 1);
        Assert.True(dashboard["escalations"]!.GetValue<int>() >= 1);
        Assert.InRange(dashboard["escalationRate"]!.GetValue<double>(), 0.0, 1.0);
        Assert.Equal(1.0, dashboard["escalationRate"]!.GetValue<double>() + dashboard["containmentRate"]!.GetValue<double>(), 6);
        Assert.Contains(dashboard["topIntents"]!.AsArray(), i => i!["intent"]!.GetValue<string>() == "contact_human_agent");
        var misunderstood = dashboard["misunderstood"]!.AsArray().Single(m => m!["conversationId"]!.GetValue<string>() == customer.ConversationId)!;
        Assert.Equal("flibber the gronk", misunderstood["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Export_Csv_NeutralisesFormulasAndQuotes()
    {
        const string formula = "=HYPERLINK(\"http://evil\",\"click\")";
        _app.Nlu.Script(formula, "review", 0.1f);
        await using var customer = await EscalatedCustomer.CreateAsync(_app, formula);

        using var response = await _alice.Http.GetAsync(new Uri("/api/agent/dashboard/misunderstood?format=csv&days=7", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("timestamp,conversation_id,activity_id,intent,confidence,text", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/agent/dashboard?days=0")]
    [InlineData("/api/agent/dashboard?days=100000")]
    [InlineData("/api/agent/dashboard/misunderstood?format=xml")]
    public async Task Dashboard_BadQuery_Returns400(string path)
    {
        using var response = await _alice.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

using System.Net;
using System.Text.Json;
using CustomerService.Core.Activities;
using CustomerService.Testing.Slack;

namespace CustomerService.Bot.Tests.Slack;

/// <summary>An escalated Slack customer, the agents' card, the buttons and the card's thread.</summary>
public sealed class SlackEscalationFlowTests : IAsyncLifetime
{
    private const string Customer = "D0JANE";
    private const string Conversation = "slack:T0001:D0JANE";

    private SlackTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Escalation_PostsOneCardWithEscapedRedactedHistory()
    {
        var card = await EscalateAsync();
        await _host.DrainOutboxAsync();

        Assert.Single(_host.Slack.Succeeded("chat.postMessage"), c => c.Field("channel") == SlackTestHost.CardsChannel);
        Assert.DoesNotContain("<!channel>", card.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("4111 1111 1111 1111", card.Body, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", card.Body, StringComparison.Ordinal);
        Assert.Contains("[card]", card.Body, StringComparison.Ordinal);
        Assert.Contains("escalation_claim", card.Body, StringComparison.Ordinal);
        Assert.Contains("escalation_resolve", card.Body, StringComparison.Ordinal);
        Assert.Contains("https://support.example.com/agent/conversations/" + Uri.EscapeDataString(Conversation), card.Body, StringComparison.Ordinal);
        Assert.Contains(Conversation, _host.Notifier.EscalationsChanged);
    }

    [Fact]
    public async Task Claim_TwoAgentsAtOnce_OneOwnsItAndTheOtherIsToldEphemerally()
    {
        var card = await EscalateAsync();

        var responses = await Task.WhenAll(
            _host.PostInteractionAsync(Click("escalation_claim", "U0ALICE", card)),
            _host.PostInteractionAsync(Click("escalation_claim", "U0BOB", card)));
        var ephemeral = Assert.Single(await _host.Slack.WaitForAsync(c => c.Method == "chat.postEphemeral"));
        await _host.DrainOutboxAsync();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var winner = ephemeral.Field("user") == "U0ALICE" ? "U0BOB" : "U0ALICE";
        Assert.Contains("Already claimed by <@" + winner + ">", ephemeral.Field("text"), StringComparison.Ordinal);
        var update = _host.Slack.Succeeded("chat.update").Last(c => c.Field("ts") == card.Ts);
        Assert.Contains("Claimed by <@" + winner + ">", update.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("escalation_claim", update.Text, StringComparison.Ordinal);
        var transcript = await _host.TranscriptAsync(Conversation);
        Assert.Single(transcript, a => a.Activity.Name == HandoffEventNames.HandoffStatus && a.Activity.Value.ToString()!.Contains("accepted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Claim_DoubleClick_DoesNothingTheSecondTime()
    {
        var card = await EscalateAsync();
        var customerMessagesBefore = CustomerPosts().Count;

        await _host.PostInteractionAsync(Click("escalation_claim", "U0ALICE", card));
        await SlackTestHost.WaitForAsync(() => CustomerPosts().Count > customerMessagesBefore);
        await _host.PostInteractionAsync(Click("escalation_claim", "U0ALICE", card));
        await ResolveByOtherAgentProbeAsync(card);
        await _host.DrainOutboxAsync();

        Assert.Equal(customerMessagesBefore + 1, CustomerPosts().Count);
        Assert.Single(_host.Slack.CallsTo("chat.postEphemeral"));
        Assert.Single(_host.Slack.Succeeded("chat.update"), c => c.Field("ts") == card.Ts);
    }

    [Fact]
    public async Task ThreadReply_ByOwningAgent_ReachesTheCustomerButInternalNoteDoesNot()
    {
        var card = await EscalateAsync();
        await ClaimAsync(card, "U0ALICE");
        var before = CustomerPosts().Count;

        await _host.PostEventAsync(SlackTestHost.MessageEvent("EvNOTE", SlackTestHost.CardsChannel, "U0ALICE", "!note check the refund first", "1772443900.000100", threadTs: card.Ts));
        await _host.PostEventAsync(SlackTestHost.MessageEvent("EvREPLY", SlackTestHost.CardsChannel, "U0ALICE", "Hi Jane, I &amp; my team are on it", "1772443901.000100", threadTs: card.Ts));
        await SlackTestHost.WaitForAsync(() => CustomerPosts().Count > before);

        var posts = CustomerPosts().Skip(before).ToList();
        var post = Assert.Single(posts);
        Assert.Contains("Hi Jane, I &amp; my team are on it", post.Field("text"), StringComparison.Ordinal);
        Assert.Null(post.Field("thread_ts"));
        var transcript = await _host.TranscriptAsync(Conversation);
        var agentMessage = Assert.Single(transcript, a => a.Activity.From?.Role == RoleTypes.Agent);
        Assert.Equal("Hi Jane, I & my team are on it", agentMessage.Activity.Text);
        Assert.DoesNotContain(transcript, a => a.Activity.Text?.Contains("check the refund", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ThreadReply_BeforeClaiming_IsNotSentAndTheAgentIsTold()
    {
        var card = await EscalateAsync();
        var before = CustomerPosts().Count;

        await _host.PostEventAsync(SlackTestHost.MessageEvent("EvEARLY", SlackTestHost.CardsChannel, "U0CAROL", "hello customer", "1772443900.000100", threadTs: card.Ts));
        var ephemeral = Assert.Single(await _host.Slack.WaitForAsync(c => c.Method == "chat.postEphemeral"));

        Assert.Equal("U0CAROL", ephemeral.Field("user"));
        Assert.Equal(card.Ts, ephemeral.Field("thread_ts"));
        Assert.Contains("claim", ephemeral.Field("text"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, CustomerPosts().Count);
    }

    [Fact]
    public async Task CustomerMessage_WhileAgentOwnsIt_IsRelayedRedactedIntoTheCardThread()
    {
        var card = await EscalateAsync();
        await ClaimAsync(card, "U0ALICE");

        await _host.PostEventAsync(SlackTestHost.MessageEvent("EvCUST2", Customer, "U0JANE", "my other card is 5555 5555 5555 4444 &lt;!here&gt;", "1772444000.000100"));
        var relayed = await _host.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Field("channel") == SlackTestHost.CardsChannel && c.Field("thread_ts") == card.Ts);

        var text = relayed[0].Field("text")!;
        Assert.Contains("[card]", text, StringComparison.Ordinal);
        Assert.Contains("&lt;!here&gt;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("5555", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ByOwner_UpdatesTheCardAndTellsTheCustomer()
    {
        var card = await EscalateAsync();
        await ClaimAsync(card, "U0ALICE");
        var before = CustomerPosts().Count;

        await _host.PostInteractionAsync(Click("escalation_resolve", "U0ALICE", card));
        await SlackTestHost.WaitForAsync(() => CustomerPosts().Count > before);
        await _host.DrainOutboxAsync();

        var update = _host.Slack.Succeeded("chat.update").Last(c => c.Field("ts") == card.Ts);
        Assert.Contains("Resolved by <@U0ALICE>", update.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("escalation_resolve", update.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactions_BadSignatureOrMalformedPayload_AreRejectedWithoutServerErrors()
    {
        var card = await EscalateAsync();
        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/slack/interactions")
        {
            Content = new FormUrlEncodedContent([new("payload", Click("escalation_claim", "U0MALLORY", card))]),
        };

        var noSignature = await _host.Client.SendAsync(unsigned);
        var notJson = await _host.PostInteractionAsync("{not json");
        var noUser = await _host.PostInteractionAsync("""{"type":"block_actions","actions":[{"action_id":"escalation_claim","value":"x"}]}""");
        var otherType = await _host.PostInteractionAsync("""{"type":"view_submission"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, noSignature.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherType.StatusCode);
        Assert.Empty(_host.Slack.CallsTo("chat.postEphemeral"));
    }

    private IReadOnlyList<SlackApiCall> CustomerPosts() =>
        _host.Slack.Succeeded("chat.postMessage").Where(c => c.Field("channel") == Customer).ToList();

    private async Task<CardRef> EscalateAsync()
    {
        _host.Classifier.When("human please", "contact_human_agent", 0.97f);

        // Slack sends a literally typed "<!channel>" as "&lt;!channel&gt;"; the card must not turn it back into a ping.
        await _host.PostEventAsync(SlackTestHost.MessageEvent("EvJ1", Customer, "U0JANE", "&lt;!channel&gt; my card is 4111 1111 1111 1111", "1772443800.000100"));
        await _host.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Field("channel") == Customer);
        await _host.PostEventAsync(SlackTestHost.MessageEvent("EvJ2", Customer, "U0JANE", "human please", "1772443810.000100"));
        await _host.WaitForEscalationAsync(Conversation);

        await _host.DrainOutboxAsync();
        var card = Assert.Single(_host.Slack.Succeeded("chat.postMessage"), c => c.Field("channel") == SlackTestHost.CardsChannel);
        return new CardRef(card.AnswerField("ts")!, card.Text);
    }

    private async Task ClaimAsync(CardRef card, string agent)
    {
        var before = CustomerPosts().Count;
        var response = await _host.PostInteractionAsync(Click("escalation_claim", agent, card));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await SlackTestHost.WaitForAsync(() => CustomerPosts().Count > before);
    }

    // Another agent's resolve gets an ephemeral "only the owner": once it arrives, every earlier click was handled.
    private async Task ResolveByOtherAgentProbeAsync(CardRef card)
    {
        await _host.PostInteractionAsync(Click("escalation_resolve", "U0PROBE", card));
        await _host.Slack.WaitForAsync(c => c.Method == "chat.postEphemeral" && c.Field("user") == "U0PROBE");
    }

    private static string Click(string actionId, string user, CardRef card) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["type"] = "block_actions",
        ["user"] = new Dictionary<string, object?> { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = SlackTestHost.TeamId },
        ["team"] = new Dictionary<string, object?> { ["id"] = SlackTestHost.TeamId },
        ["api_app_id"] = "A0APP",
        ["trigger_id"] = "1.2.abc",
        ["response_url"] = "https://hooks.slack.test/actions/T0001/1/abc",
        ["container"] = new Dictionary<string, object?> { ["type"] = "message", ["message_ts"] = card.Ts, ["channel_id"] = SlackTestHost.CardsChannel },
        ["channel"] = new Dictionary<string, object?> { ["id"] = SlackTestHost.CardsChannel },
        ["message"] = new Dictionary<string, object?> { ["ts"] = card.Ts },
        ["actions"] = new[]
        {
            new Dictionary<string, object?> { ["type"] = "button", ["action_id"] = actionId, ["block_id"] = "escalation_actions_pending", ["value"] = Conversation, ["action_ts"] = "1772443999.1" },
        },
    });

    /// <summary>The posted card: its ts and its decoded text (every string in the request).</summary>
    private sealed record CardRef(string Ts, string Body);
}

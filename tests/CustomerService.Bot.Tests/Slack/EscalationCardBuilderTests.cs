using System.Text.Json;
using CustomerService.Bot.Channels.Slack;
using CustomerService.Bot.Channels.Slack.Escalations;
using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Tests.Slack;

public sealed class EscalationCardBuilderTests
{
    private static readonly IntentPrediction Prediction = new(
        "refund_request", 0.42f, [new IntentScore("refund_request", 0.42f), new IntentScore("cancel_order", 0.31f), new IntentScore("complaint", 0.12f)]);

    [Fact]
    public void Build_HostileCustomerText_IsEscapedAndRedacted()
    {
        var card = Card(messages: ["<!channel> my card is 4111 1111 1111 1111 & <https://evil.example|win>", "mail me: jane.doe@example.com"]);

        var json = Decoded(Builder().Build(card));

        Assert.DoesNotContain("<!channel>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil.example", json, StringComparison.Ordinal);
        Assert.DoesNotContain("4111 1111 1111 1111", json, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe@example.com", json, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", json, StringComparison.Ordinal);
        Assert.Contains("[card]", json, StringComparison.Ordinal);
        Assert.Contains("[email]", json, StringComparison.Ordinal);
        Assert.Contains("&amp;", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PendingCard_ShowsWhyIntentAlternativesAndDistinctButtons()
    {
        var card = Card();

        var message = Builder("https://support.example.com/").Build(card);
        var root = JsonDocument.Parse(Serialize(message)).RootElement;
        var text = Decoded(message);
        var buttons = Buttons(root);

        Assert.Contains("refund_request", text, StringComparison.Ordinal);
        Assert.Contains("42%", text, StringComparison.Ordinal);
        Assert.Contains("cancel_order (31%)", text, StringComparison.Ordinal);
        Assert.Contains("The customer asked for a human", text, StringComparison.Ordinal);
        Assert.Contains("webchat", text, StringComparison.Ordinal);
        Assert.Equal(["escalation_claim", "escalation_resolve", "escalation_open"], buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.Equal("primary", buttons[0].GetProperty("style").GetString());
        Assert.Equal("conv-1", buttons[0].GetProperty("value").GetString());
        Assert.Equal("https://support.example.com/agent/conversations/conv-1", buttons[2].GetProperty("url").GetString());
        Assert.DoesNotContain("4111", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ClaimedCard_NamesTheAgentAndOffersOnlyResolve()
    {
        var card = Card() with { State = EscalationCardState.Claimed, Agent = "U42AGENT" };

        var message = Builder().Build(card);
        var root = JsonDocument.Parse(Serialize(message)).RootElement;

        Assert.Contains("Claimed by <@U42AGENT>", Decoded(message), StringComparison.Ordinal);
        Assert.Equal(["escalation_resolve"], Buttons(root).Select(b => b.GetProperty("action_id").GetString()));
    }

    [Fact]
    public void Build_ClaimedByPageAgentWithMarkup_IsEscapedNotAMention()
    {
        var card = Card() with { State = EscalationCardState.Claimed, Agent = "<!everyone>" };

        var json = Decoded(Builder().Build(card));

        Assert.Contains("&lt;!everyone&gt;", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<!everyone>", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ResolvedCard_HasNoClaimOrResolveButtons()
    {
        var card = Card() with { State = EscalationCardState.Resolved, Agent = "U42AGENT" };

        var message = Builder().Build(card);
        var root = JsonDocument.Parse(Serialize(message)).RootElement;

        Assert.Contains("Resolved by <@U42AGENT>", Decoded(message), StringComparison.Ordinal);
        Assert.Empty(Buttons(root));
    }

    [Fact]
    public void Build_ErasedCard_IsATombstoneWithoutCustomerData()
    {
        var card = Card() with { State = EscalationCardState.Erased };

        var json = Serialize(Builder().Build(card));

        Assert.Contains("Erased", json, StringComparison.Ordinal);
        Assert.DoesNotContain("cust-1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", json, StringComparison.Ordinal);
        Assert.DoesNotContain("refund", json, StringComparison.Ordinal);
        Assert.DoesNotContain("action_id", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OversizedUnicodeInput_StaysWithinBlockKitLimits()
    {
        var huge = string.Concat(Enumerable.Repeat("😀 é <!here> & ", 800));
        var card = Card(messages: [.. Enumerable.Repeat(huge, 200)]) with
        {
            CustomerName = huge,
            CustomerId = new string('c', 5000),
            ChannelId = huge,
            Prediction = new IntentPrediction(huge, float.NaN, [.. Enumerable.Range(0, 60).Select(i => new IntentScore(huge + i, 0.01f))]),
        };

        var message = Builder("https://support.example.com/").Build(card);
        var root = JsonDocument.Parse(Serialize(message)).RootElement;
        var blocks = root.GetProperty("blocks").EnumerateArray().ToList();

        Assert.InRange(blocks.Count, 1, 50);
        foreach (var block in blocks)
        {
            if (block.TryGetProperty("text", out var text))
            {
                Assert.InRange(text.GetProperty("text").GetString()!.Length, 1, block.GetProperty("type").GetString() == "header" ? 150 : 3000);
            }

            if (block.TryGetProperty("fields", out var fields))
            {
                Assert.InRange(fields.GetArrayLength(), 1, 10);
                Assert.All(fields.EnumerateArray(), f => Assert.InRange(f.GetProperty("text").GetString()!.Length, 1, 2000));
            }
        }

        Assert.All(Buttons(root), b =>
        {
            Assert.InRange(b.GetProperty("text").GetProperty("text").GetString()!.Length, 1, 75);
            Assert.InRange(b.GetProperty("action_id").GetString()!.Length, 1, 255);
            if (b.TryGetProperty("value", out var value))
            {
                Assert.InRange(value.GetString()!.Length, 1, 2000);
            }
        });
        Assert.DoesNotContain("<!here>", Decoded(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ManyMessages_ShowsTheMostRecentOnes()
    {
        var messages = Enumerable.Range(1, 30).Select(i => $"message number {i}").ToList();

        var json = Decoded(Builder().Build(Card(messages: messages)));

        Assert.Contains("message number 30", json, StringComparison.Ordinal);
        Assert.Contains("message number 25", json, StringComparison.Ordinal);
        Assert.DoesNotContain("message number 24", json, StringComparison.Ordinal);
        Assert.DoesNotContain("message number 1", json, StringComparison.Ordinal);
    }

    private static EscalationCard Card(IReadOnlyList<string>? messages = null) => new(
        "conv-1",
        "cust-1",
        "Jane",
        "webchat",
        EscalationReason.ExplicitRequest,
        Prediction,
        messages ?? ["Hi", "I want a refund", "human please"],
        EscalationCardState.Pending,
        null);

    private static EscalationCardBuilder Builder(string? agentPage = null) =>
        new(SlackTestRedactor.Redactor, Options.Create(new SlackOptions { AgentPageBaseUrl = agentPage is null ? null : new Uri(agentPage) }));

    private static string Serialize(EscalationCardMessage message) =>
        JsonSerializer.Serialize(new { text = message.Text, blocks = message.Blocks }, SlackJsonAccess.Options);

    // What Slack reads: every string value decoded (the serializer may write '<' as \u003C).
    private static string Decoded(EscalationCardMessage message) =>
        string.Join('\n', Strings(JsonDocument.Parse(Serialize(message)).RootElement));

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static List<JsonElement> Buttons(JsonElement root) =>
        [.. root.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())];
}

using System.Net;
using CustomerService.Bot.Tests.Channels.DirectLine;

namespace CustomerService.Bot.Tests.Security;

/// <summary>The Prometheus endpoint shows what the bot did and what failed, and never what a customer wrote.</summary>
public sealed class MetricsEndpointTests : IDisposable
{
    private const string Canary = "metrics-canary-6621";

    private readonly BotApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Metrics_AfterTurnsEscalationAndARefusedPoll_ExposeTheInstrumentsWithoutCustomerText()
    {
        await using var customer = await TestCustomer.StartAsync(_app);
        await customer.SayAsync(Canary + " hello there");
        await customer.EscalateAsync();
        using var refused = await new DirectLineTestClient(_app).GetAsync($"/v3/directline/conversations/{customer.ConversationId}/activities", "forged.token.value");
        using var oversized = await new DirectLineTestClient(_app).PostRawAsync(
            $"/v3/directline/conversations/{customer.ConversationId}/activities", customer.Conversation.Token, new string(' ', 2 * 1024 * 1024));

        using var response = await _app.CreateClient().GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("customerservice_turns_total{", text, StringComparison.Ordinal);
        Assert.Contains("channel=\"webchat\"", text, StringComparison.Ordinal);
        Assert.Contains("customerservice_intents_total{", text, StringComparison.Ordinal);
        Assert.Contains("intent=\"greeting\"", text, StringComparison.Ordinal);
        Assert.Contains("intent=\"contact_human_agent\"", text, StringComparison.Ordinal);
        Assert.Matches(@"customerservice_intent_confidence\w*_bucket\{", text);
        Assert.Matches(@"customerservice_turn_duration_seconds_bucket\{", text);
        Assert.Matches(@"customerservice_escalations_total\{[^}]*reason=""explicit_request""", text);
        Assert.Matches(@"customerservice_channel_errors_total\{[^}]*channel=""directline""[^}]*code=""403""", text);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Matches(@"customerservice_channel_errors_total\{[^}]*channel=""directline""[^}]*code=""413""", text);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, text, StringComparison.Ordinal);
        Assert.DoesNotContain(customer.ConversationId, text, StringComparison.Ordinal);
    }
}

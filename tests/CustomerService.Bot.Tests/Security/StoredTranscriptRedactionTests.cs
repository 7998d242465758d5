using CustomerService.Bot.Tests.Agents;

namespace CustomerService.Bot.Tests.Security;

/// <summary>Personal data a customer types is masked before the message is stored, so every replay shows the masked text.</summary>
public sealed class StoredTranscriptRedactionTests : IDisposable
{
    private const string Card = "4111 1111 1111 1111";
    private const string Email = "ada.lovelace@example.com";
    private const string Phone = "+44 20 7946 0958";

    private readonly BotApplication _app = new(SecurityTestSettings.Merge(AgentTestOptions.AsConfiguration()));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task CustomerMessageWithPersonalData_PollAfterTheTurn_ShowsOnlyTheMaskedText()
    {
        await using var customer = await TestCustomer.StartAsync(_app);

        var id = await customer.SayAsync($"order A1234: card {Card}, mail {Email}, call {Phone}");

        var activities = await customer.PollAsync();
        var echo = Assert.Single(activities, a => a!["id"]?.GetValue<string>() == id);
        Assert.Equal("order A1234: card [card], mail [email], call [phone]", echo!["text"]?.GetValue<string>());
        var everything = activities.ToJsonString();
        foreach (var secret in new[] { "4111", Email, "7946" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }
}

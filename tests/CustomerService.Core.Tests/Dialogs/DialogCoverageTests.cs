using CustomerService.Core.Activities;
using CustomerService.Core.Routing;

namespace CustomerService.Core.Tests.Dialogs;

public sealed class DialogCoverageTests
{
    public static TheoryData<string> Intents() => [.. IntentIds.All];

    [Theory]
    [MemberData(nameof(Intents))]
    public async Task Intent_NoPlaceholdersConfigured_StillGetsACleanAnswer(string intent)
    {
        await using var host = new CoreTestHost(placeholders: false);
        host.Classifier.When("the customer's question", intent, 0.9f);

        await host.SendTextAsync("conv-" + intent, "the customer's question");

        var replies = host.Sink.Published.Where(a => a.Type == ActivityTypes.Message).ToList();
        Assert.NotEmpty(replies);
        Assert.All(replies, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Text));
            Assert.DoesNotContain("{{", r.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("our website sign", r.Text, StringComparison.Ordinal);
        });
    }
}

using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Handoff;

namespace CustomerService.Core.Tests.Handoff;

public sealed class HandoffServiceTests
{
    private static readonly ChannelAccount Ann = new("ann", "Ann", RoleTypes.Agent);
    private static readonly ChannelAccount Bob = new("bob", "Bob", RoleTypes.Agent);

    [Fact]
    public async Task Claim_TwoAgentsAtOnce_ExactlyOneOwner()
    {
        await using var host = await EscalatedAsync();

        var results = await Task.WhenAll(host.Handoff.ClaimAsync("conv-1", Ann), host.Handoff.ClaimAsync("conv-1", Bob));

        Assert.Single(results, r => r.Outcome == HandoffOutcome.Done);
        Assert.Single(results, r => r.Outcome == HandoffOutcome.AlreadyClaimed);
        var owner = results.Single(r => r.Outcome == HandoffOutcome.Done).AssignedAgent;
        Assert.Equal(owner, host.Store.Conversation("conv-1")?.AssignedAgent);
    }

    [Fact]
    public async Task Claim_SameAgentTwice_SecondIsNoChangeAndStagesNothing()
    {
        await using var host = await EscalatedAsync();
        await host.Handoff.ClaimAsync("conv-1", Ann);
        var before = host.Store.Transcript("conv-1").Count;

        var again = await host.Handoff.ClaimAsync("conv-1", Ann);

        Assert.Equal(HandoffOutcome.NoChange, again.Outcome);
        Assert.Empty(again.Activities);
        Assert.Equal(before, host.Store.Transcript("conv-1").Count);
    }

    [Fact]
    public async Task Claim_Done_StagesTextAndStatusEvent()
    {
        await using var host = await EscalatedAsync();

        var result = await host.Handoff.ClaimAsync("conv-1", Ann);

        Assert.Equal(HandoffState.Agent, result.State);
        Assert.Equal("webchat", result.ChannelId);
        Assert.Contains(result.Activities, a => a.Activity.Type == ActivityTypes.Message && a.Activity.Text!.Contains("Ann", StringComparison.Ordinal));
        Assert.Contains(result.Activities, a => a.Activity.Name == HandoffEventNames.HandoffStatus && a.Activity.Value!.Value.GetProperty("state").GetString() == "accepted");
    }

    [Fact]
    public async Task Reply_BeforeClaim_IsNotAllowed()
    {
        await using var host = await EscalatedAsync();

        var result = await host.Handoff.ReplyAsync("conv-1", Ann, "hello");

        Assert.Equal(HandoffOutcome.NotAllowed, result.Outcome);
    }

    [Fact]
    public async Task Reply_ByOwner_GoesOutFromRoleAgent()
    {
        await using var host = await EscalatedAsync();
        await host.Handoff.ClaimAsync("conv-1", Ann);

        var result = await host.Handoff.ReplyAsync("conv-1", Ann, "<b>Hi</b>, Ann here");

        var reply = Assert.Single(result.Activities).Activity;
        Assert.Equal(RoleTypes.Agent, reply.From?.Role);
        Assert.Equal("plain", reply.TextFormat);
        Assert.Equal("user-1", reply.Recipient?.Id);
    }

    [Fact]
    public async Task Reply_ByOtherAgentOrEmpty_IsRefused()
    {
        await using var host = await EscalatedAsync();
        await host.Handoff.ClaimAsync("conv-1", Ann);

        var other = await host.Handoff.ReplyAsync("conv-1", Bob, "hi");
        var empty = await host.Handoff.ReplyAsync("conv-1", Ann, "   ");

        Assert.Equal(HandoffOutcome.AlreadyClaimed, other.Outcome);
        Assert.Equal(HandoffOutcome.InvalidText, empty.Outcome);
    }

    [Fact]
    public async Task Claim_UnknownConversation_IsNotFound()
    {
        await using var host = new CoreTestHost();

        var result = await host.Handoff.ClaimAsync("nope", Ann);

        Assert.Equal(HandoffOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task Resolve_NotEscalated_IsNotAllowed()
    {
        await using var host = new CoreTestHost();
        await host.SendTextAsync("conv-1", "hi");

        var result = await host.Handoff.ResolveAsync("conv-1", Ann);

        Assert.Equal(HandoffOutcome.NotAllowed, result.Outcome);
    }

    [Fact]
    public async Task Escalation_RecentMessages_AreRedacted()
    {
        await using var host = new CoreTestHost();
        const string Text = "my card 4111 1111 1111 1111 was charged twice and nobody answers, mail ada@example.com";
        host.Classifier.When(Text, "complaint", 0.9f);

        await host.SendTextAsync("conv-1", Text);

        var escalation = Assert.Single(host.Store.Escalations);
        var line = Assert.Single(escalation.RecentMessages, l => l.StartsWith("customer:", StringComparison.Ordinal));
        Assert.Contains("[card]", line, StringComparison.Ordinal);
        Assert.Contains("[email]", line, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", line, StringComparison.Ordinal);
    }

    private static async Task<CoreTestHost> EscalatedAsync()
    {
        var host = new CoreTestHost();
        await host.SendTextAsync("conv-1", "agent");
        Assert.Equal(HandoffState.Pending, host.Store.Conversation("conv-1")?.Handoff);
        return host;
    }
}

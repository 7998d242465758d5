using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;
using CustomerService.Data.Agents;
using CustomerService.Data.Tests.Escalations;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Data.Tests.Agents;

public sealed class AgentConsoleStoreTests
{
    [Fact]
    public async Task GetTranscript_AnnotatedTurn_ShowsIntentAndConfidencePerMessage()
    {
        await using var host = await DataTestHost.StartAsync();
        var inbound = await host.InScopeAsync(sp => sp.GetRequiredService<ITranscriptStore>()
            .AppendCommittedAsync("conv-a", DataTestHost.UserMessage("where is my parcel"), CancellationToken.None));
        await host.RunTurnAsync("conv-a", async (sp, _) =>
        {
            var transcript = sp.GetRequiredService<ITranscriptStore>();
            await transcript.AnnotateAsync(inbound.Activity.Id!, new TurnAnnotation("track_order", 0.87f, "track_order"), CancellationToken.None);
            transcript.Stage("conv-a", DataTestHost.BotMessage("Which order?"));
        });

        var lines = await host.Services.GetRequiredService<IAgentConsoleStore>().GetTranscriptAsync("conv-a", 0, 50, CancellationToken.None);

        Assert.Equal(2, lines.Count);
        Assert.Equal(("user", "track_order", 0.87f), (lines[0].Role, lines[0].Intent, lines[0].Confidence!.Value));
        Assert.Equal(("bot", "Which order?"), (lines[1].Role, lines[1].Text));
    }

    [Fact]
    public async Task GetCustomerProfile_SeededCustomer_HasFactsOrdersAndPastConversations()
    {
        await using var host = await DataTestHost.StartAsync(seed: true);

        var profile = await host.Services.GetRequiredService<IAgentConsoleStore>().GetCustomerProfileAsync("cus_demo_grace", CancellationToken.None);

        Assert.NotNull(profile);
        Assert.Equal("Grace", profile.DisplayName);
        Assert.Equal(2, profile.Identities.Count);
        Assert.Equal(["ORD-2001", "ORD-1890"], profile.Orders.Select(o => o.Number));
        var past = Assert.Single(profile.Conversations);
        Assert.Equal("cancel_order", past.LastIntent);
        Assert.Equal(2, past.MessageCount);
    }

    [Fact]
    public async Task GetDashboard_MixedConversations_ComputesRatesTopIntentsAndMisunderstood()
    {
        await using var host = await DataTestHost.StartAsync();
        var since = host.Time.GetUtcNow();
        await AnnotatedMessageAsync(host, "conv-1", "user-1", "track my order", "track_order", 0.95f);
        await AnnotatedMessageAsync(host, "conv-2", "user-2", "where is it", "track_order", 0.90f);
        await AnnotatedMessageAsync(host, "conv-3", "user-3", "blorp zzz", "out_of_scope", 0.22f);
        await EscalationStoreTests.EscalateAsync(host, "conv-3", "user-3");
        await host.RunTurnAsync("conv-4", userId: "user-4");

        var stats = await host.Services.GetRequiredService<IAgentConsoleStore>().GetDashboardAsync(since, 0.5f, 10, CancellationToken.None);

        Assert.Equal(4, stats.Conversations);
        Assert.Equal(1, stats.EscalatedConversations);
        Assert.Equal(0.25, stats.EscalationRate, 6);
        Assert.Equal(0.75, stats.ContainmentRate, 6);
        Assert.Equal(new IntentCount("track_order", 2), stats.TopIntents[0]);
        var misunderstood = Assert.Single(stats.Misunderstood);
        Assert.Equal("blorp zzz", misunderstood.Text);
        Assert.Equal(0.22f, misunderstood.Confidence);
    }

    [Fact]
    public async Task GetDashboard_NoConversations_HasFullContainmentAndNoDivisionByZero()
    {
        await using var host = await DataTestHost.StartAsync();

        var stats = await host.Services.GetRequiredService<IAgentConsoleStore>().GetDashboardAsync(host.Time.GetUtcNow(), 0.5f, 10, CancellationToken.None);

        Assert.Equal(0, stats.Conversations);
        Assert.Equal(1d, stats.ContainmentRate);
        Assert.Equal(0d, stats.EscalationRate);
    }

    [Fact]
    public async Task GetConversation_AfterClaim_ShowsAgentOwnership()
    {
        await using var host = await DataTestHost.StartAsync();
        var escalation = await EscalationStoreTests.EscalateAsync(host, "conv-a");
        await host.Services.GetRequiredService<CustomerService.Data.Escalations.IEscalationStore>().ClaimAsync(escalation.Summary.Id, "agent-7", CancellationToken.None);

        var conversation = await host.Services.GetRequiredService<IAgentConsoleStore>().GetConversationAsync("conv-a", CancellationToken.None);

        Assert.Equal(HandoffState.Agent, conversation?.Handoff);
        Assert.Equal("agent-7", conversation?.AssignedAgent);
    }

    private static async Task AnnotatedMessageAsync(DataTestHost host, string conversationId, string userId, string text, string intent, float confidence)
    {
        var inbound = await host.InScopeAsync(sp => sp.GetRequiredService<ITranscriptStore>()
            .AppendCommittedAsync(conversationId, DataTestHost.UserMessage(text, userId), CancellationToken.None));
        await host.RunTurnAsync(
            conversationId,
            (sp, _) => sp.GetRequiredService<ITranscriptStore>()
                .AnnotateAsync(inbound.Activity.Id!, new TurnAnnotation(intent, confidence, null), CancellationToken.None),
            userId);
    }
}

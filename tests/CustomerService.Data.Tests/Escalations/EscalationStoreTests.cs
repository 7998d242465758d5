using System.Text.Json;
using CustomerService.Core.Conversations;
using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;
using CustomerService.Data.Escalations;
using CustomerService.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Data.Tests.Escalations;

public sealed class EscalationStoreTests
{
    private static readonly IntentPrediction Unsure = new(
        "cancel_order", 0.31f, [new("cancel_order", 0.31f), new("change_order", 0.29f), new("track_order", 0.2f)]);

    [Fact]
    public async Task Enqueue_Committed_CreatesPendingEscalationWithDetailsAndCreatedOutboxRow()
    {
        await using var host = await DataTestHost.StartAsync();

        var escalation = await EscalateAsync(host, "conv-a");
        await using var db = host.OpenDb();
        var outbox = await db.OutboxMessages.SingleAsync();

        Assert.Equal(EscalationState.Pending, escalation.Summary.State);
        Assert.Equal(EscalationReason.LowConfidence, escalation.Summary.Reason);
        Assert.Equal("cancel_order", escalation.Summary.Intent);
        Assert.Equal(0.31f, escalation.Summary.Confidence);
        Assert.Equal(["cancel_order", "change_order", "track_order"], escalation.Alternatives.Select(a => a.Intent));
        Assert.Equal(["cancel it", "[redacted] please"], escalation.RecentMessages);
        Assert.Equal(OutboxMessageTypes.EscalationCreated, outbox.Type);
        Assert.Equal(OutboxState.Pending, outbox.State);
        var payload = JsonSerializer.Deserialize<EscalationOutboxPayload>(outbox.PayloadJson, JsonSerializerOptions.Web);
        Assert.Equal(escalation.Summary.Id, payload?.EscalationId);
    }

    [Fact]
    public async Task Enqueue_WhileAnEscalationIsOpen_AddsNoSecondOne()
    {
        await using var host = await DataTestHost.StartAsync();
        await EscalateAsync(host, "conv-a");

        await EscalateAsync(host, "conv-a");
        await using var db = host.OpenDb();

        Assert.Equal(1, await db.Escalations.CountAsync());
        Assert.Equal(1, await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task Claim_ManyAgentsAtOnceFromTwoProcesses_ExactlyOneWins()
    {
        await using var host = await DataTestHost.StartAsync();
        var escalation = await EscalateAsync(host, "conv-a");
        var second = host.OpenSecondProcess();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            (i % 2 == 0 ? host.Services : second).GetRequiredService<IEscalationStore>()
                .ClaimAsync(escalation.Summary.Id, $"agent-{i}", CancellationToken.None))));
        await using var db = host.OpenDb();
        var winner = Assert.Single(results, r => r.Outcome == ClaimOutcome.Claimed);
        var conversation = await db.Conversations.SingleAsync();

        Assert.All(results.Where(r => r != winner), r => Assert.Equal(ClaimOutcome.ClaimedByAnother, r.Outcome));
        Assert.All(results, r => Assert.Equal(winner.ClaimedBy, r.ClaimedBy));
        Assert.Equal(HandoffState.Agent, conversation.Handoff);
        Assert.Equal(winner.ClaimedBy, conversation.AssignedAgent);
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Type == OutboxMessageTypes.EscalationUpdated));
    }

    [Fact]
    public async Task Claim_DoubleClickBySameAgent_ChangesNothingTheSecondTime()
    {
        await using var host = await DataTestHost.StartAsync();
        var escalation = await EscalateAsync(host, "conv-a");
        var store = host.Services.GetRequiredService<IEscalationStore>();
        var first = await store.ClaimAsync(escalation.Summary.Id, "agent-1", CancellationToken.None);
        var version = (await store.GetAsync(escalation.Summary.Id, CancellationToken.None))!.Version;

        var second = await store.ClaimAsync(escalation.Summary.Id, "agent-1", CancellationToken.None);
        var after = await store.GetAsync(escalation.Summary.Id, CancellationToken.None);

        Assert.Equal(ClaimOutcome.Claimed, first.Outcome);
        Assert.Equal(ClaimOutcome.AlreadyYours, second.Outcome);
        Assert.Equal(version, after!.Version);
    }

    [Fact]
    public async Task Claim_UnknownEscalation_IsNotFound()
    {
        await using var host = await DataTestHost.StartAsync();

        var result = await host.Services.GetRequiredService<IEscalationStore>().ClaimAsync("esc_missing", "agent-1", CancellationToken.None);

        Assert.Equal(ClaimOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task Resolve_ByAnotherAgentThanTheOwner_IsRejected()
    {
        await using var host = await DataTestHost.StartAsync();
        var escalation = await EscalateAsync(host, "conv-a");
        var store = host.Services.GetRequiredService<IEscalationStore>();
        await store.ClaimAsync(escalation.Summary.Id, "agent-1", CancellationToken.None);

        var outcome = await store.ResolveAsync(escalation.Summary.Id, "agent-2", CancellationToken.None);
        var after = await store.GetAsync(escalation.Summary.Id, CancellationToken.None);

        Assert.Equal(ResolveOutcome.ClaimedByAnother, outcome);
        Assert.Equal(EscalationState.Claimed, after!.Summary.State);
    }

    [Fact]
    public async Task Resolve_ByOwner_ClosesEscalationAndHandsConversationBack()
    {
        await using var host = await DataTestHost.StartAsync();
        var escalation = await EscalateAsync(host, "conv-a");
        var store = host.Services.GetRequiredService<IEscalationStore>();
        await store.ClaimAsync(escalation.Summary.Id, "agent-1", CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(7));

        var outcome = await store.ResolveAsync(escalation.Summary.Id, "agent-1", CancellationToken.None);
        var again = await store.ResolveAsync(escalation.Summary.Id, "agent-1", CancellationToken.None);
        var after = await store.GetAsync(escalation.Summary.Id, CancellationToken.None);
        await using var db = host.OpenDb();
        var conversation = await db.Conversations.SingleAsync();

        Assert.Equal(ResolveOutcome.Resolved, outcome);
        Assert.Equal(ResolveOutcome.AlreadyResolved, again);
        Assert.Equal(EscalationState.Resolved, after!.Summary.State);
        Assert.Equal(DataTestHost.Start.AddMinutes(7), after.ResolvedAt);
        Assert.Equal(HandoffState.Resolved, conversation.Handoff);
        Assert.Null(conversation.AssignedAgent);
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.Type == OutboxMessageTypes.EscalationUpdated));
    }

    [Fact]
    public async Task Claim_AfterResolve_IsAlreadyResolved()
    {
        await using var host = await DataTestHost.StartAsync();
        var escalation = await EscalateAsync(host, "conv-a");
        var store = host.Services.GetRequiredService<IEscalationStore>();
        await store.ResolveAsync(escalation.Summary.Id, "agent-1", CancellationToken.None);

        var result = await store.ClaimAsync(escalation.Summary.Id, "agent-2", CancellationToken.None);

        Assert.Equal(ClaimOutcome.AlreadyResolved, result.Outcome);
    }

    [Fact]
    public async Task List_Queues_ShowPendingMineAndResolvedSeparately()
    {
        await using var host = await DataTestHost.StartAsync();
        var a = await EscalateAsync(host, "conv-a", "user-a");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var b = await EscalateAsync(host, "conv-b", "user-b");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var c = await EscalateAsync(host, "conv-c", "user-c");
        var store = host.Services.GetRequiredService<IEscalationStore>();
        await store.ClaimAsync(b.Summary.Id, "agent-1", CancellationToken.None);
        await store.ClaimAsync(c.Summary.Id, "agent-2", CancellationToken.None);
        await store.ResolveAsync(c.Summary.Id, "agent-2", CancellationToken.None);

        var pending = await store.ListAsync(EscalationFilter.Pending, null, 10, CancellationToken.None);
        var mine = await store.ListAsync(EscalationFilter.Mine, "agent-1", 10, CancellationToken.None);
        var resolved = await store.ListAsync(EscalationFilter.Resolved, null, 10, CancellationToken.None);

        Assert.Equal([a.Summary.Id], pending.Select(e => e.Id));
        Assert.Equal([b.Summary.Id], mine.Select(e => e.Id));
        Assert.Equal([c.Summary.Id], resolved.Select(e => e.Id));
    }

    [Fact]
    public async Task SetSlackMessage_ThenFindByThread_ReturnsTheEscalation()
    {
        await using var host = await DataTestHost.StartAsync();
        var escalation = await EscalateAsync(host, "conv-a");
        var store = host.Services.GetRequiredService<IEscalationStore>();

        var set = await store.SetSlackMessageAsync(escalation.Summary.Id, "C0AGENTS", "1712345678.000100", CancellationToken.None);
        var found = await store.FindBySlackMessageAsync("C0AGENTS", "1712345678.000100", CancellationToken.None);
        var open = await store.FindOpenByConversationAsync("conv-a", CancellationToken.None);

        Assert.True(set);
        Assert.Equal(escalation.Summary.Id, found?.Summary.Id);
        Assert.Equal("C0AGENTS", found?.SlackChannel);
        Assert.Equal(escalation.Summary.Id, open?.Summary.Id);
    }

    [Fact]
    public async Task Get_CustomerWithRememberedName_ShowsThatName()
    {
        await using var host = await DataTestHost.StartAsync();
        await host.RunTurnAsync("conv-a", (sp, state) =>
            sp.GetRequiredService<ICustomerStore>().SetFactAsync(state.CustomerId, "name", "Ann", CancellationToken.None));

        var escalation = await EscalateAsync(host, "conv-a");

        Assert.Equal("Ann", escalation.Summary.CustomerName);
    }

    internal static async Task<EscalationDetails> EscalateAsync(DataTestHost host, string conversationId, string userId = "user-1")
    {
        await host.RunTurnAsync(
            conversationId,
            async (sp, state) =>
            {
                await sp.GetRequiredService<IEscalationOutbox>().EnqueueAsync(
                    new EscalationRequest(conversationId, state.CustomerId, "webchat", EscalationReason.LowConfidence, Unsure, ["cancel it", "[redacted] please"]),
                    CancellationToken.None);
                state.Handoff = HandoffState.Pending;
            },
            userId);
        var found = await host.Services.GetRequiredService<IEscalationStore>().FindOpenByConversationAsync(conversationId, CancellationToken.None);
        return found ?? throw new InvalidOperationException("The escalation was not stored.");
    }
}

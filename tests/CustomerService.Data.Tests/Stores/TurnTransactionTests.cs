using CustomerService.Core.Conversations;
using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Data.Tests.Stores;

public sealed class TurnTransactionTests
{
    [Fact]
    public async Task Commit_StagedRepliesStateFactAndEscalation_AllBecomeVisibleTogether()
    {
        await using var host = await DataTestHost.StartAsync();
        await host.InScopeAsync(sp => sp.GetRequiredService<ITranscriptStore>()
            .AppendCommittedAsync("conv-a", DataTestHost.UserMessage("I want a human"), CancellationToken.None));

        var stored = await host.RunTurnAsync("conv-a", async (sp, state) =>
        {
            sp.GetRequiredService<ITranscriptStore>().Stage("conv-a", DataTestHost.BotMessage("Connecting you to an agent."));
            sp.GetRequiredService<ITranscriptStore>().Stage("conv-a", DataTestHost.BotMessage("Someone will be with you shortly."));
            await sp.GetRequiredService<ICustomerStore>().SetFactAsync(state.CustomerId, "name", "Ann", CancellationToken.None);
            await sp.GetRequiredService<IEscalationOutbox>().EnqueueAsync(
                new EscalationRequest("conv-a", state.CustomerId, "webchat", EscalationReason.ExplicitRequest, null, ["I want a human"]),
                CancellationToken.None);
            state.Handoff = HandoffState.Pending;
            state.LastIntent = "human_agent";
        });
        await using var db = host.OpenDb();

        Assert.Equal([2L, 3L], stored.Select(s => s.Sequence));
        Assert.Equal(["conv-a|0000002", "conv-a|0000003"], stored.Select(s => s.Activity.Id));
        Assert.Equal(3, await db.Activities.CountAsync());
        Assert.Equal("Ann", (await db.ProfileFacts.SingleAsync()).Value);
        Assert.Equal(1, await db.Escalations.CountAsync());
        Assert.Equal(1, await db.OutboxMessages.CountAsync());
        var conversation = await db.Conversations.SingleAsync();
        Assert.Equal(HandoffState.Pending, conversation.Handoff);
        Assert.Equal("human_agent", conversation.LastIntent);
        Assert.Equal(4, conversation.NextSequence);
    }

    [Fact]
    public async Task Commit_OutboxInsertFails_RollsBackRepliesStateAndFacts()
    {
        var failing = new FailingCommandInterceptor();
        await using var host = await DataTestHost.StartAsync(configureDbContext: o => o.AddInterceptors(failing));
        await host.RunTurnAsync("conv-a");
        failing.FailOnInsertInto = "OutboxMessages";

        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => host.RunTurnAsync("conv-a", async (sp, state) =>
        {
            sp.GetRequiredService<ITranscriptStore>().Stage("conv-a", DataTestHost.BotMessage("Connecting you."));
            await sp.GetRequiredService<ICustomerStore>().SetFactAsync(state.CustomerId, "name", "Ann", CancellationToken.None);
            await sp.GetRequiredService<IEscalationOutbox>().EnqueueAsync(
                new EscalationRequest("conv-a", state.CustomerId, "webchat", EscalationReason.LowConfidence, null, []),
                CancellationToken.None);
            state.Handoff = HandoffState.Pending;
            state.FailedTurns = 3;
        }));
        failing.FailOnInsertInto = null;
        await using var db = host.OpenDb();

        Assert.Contains("Injected", exception.InnerException?.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Activities.CountAsync());
        Assert.Equal(0, await db.ProfileFacts.CountAsync());
        Assert.Equal(0, await db.Escalations.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
        var conversation = await db.Conversations.SingleAsync();
        Assert.Equal(HandoffState.Bot, conversation.Handoff);
        Assert.Equal(0, conversation.FailedTurns);
        Assert.Equal(1, conversation.NextSequence);
    }

    [Fact]
    public async Task Commit_RetryAfterFailureInSameScope_AssignsFreshSequences()
    {
        var failing = new FailingCommandInterceptor();
        await using var host = await DataTestHost.StartAsync(configureDbContext: o => o.AddInterceptors(failing));
        await host.RunTurnAsync("conv-a");

        var stored = await host.InScopeAsync(async sp =>
        {
            var state = await sp.GetRequiredService<IConversationStore>()
                .LoadAsync("webchat", "conv-a", new Core.Activities.ChannelAccount("user-1"), CancellationToken.None);
            sp.GetRequiredService<ITranscriptStore>().Stage("conv-a", DataTestHost.BotMessage("reply"));
            await sp.GetRequiredService<IEscalationOutbox>().EnqueueAsync(
                new EscalationRequest("conv-a", state.CustomerId, "webchat", EscalationReason.TurnError, null, []), CancellationToken.None);
            failing.FailOnInsertInto = "OutboxMessages";
            await Assert.ThrowsAsync<DbUpdateException>(() => sp.GetRequiredService<ITurnTransaction>().CommitAsync(CancellationToken.None));
            failing.FailOnInsertInto = null;
            return await sp.GetRequiredService<ITurnTransaction>().CommitAsync(CancellationToken.None);
        });
        await using var db = host.OpenDb();

        Assert.Equal(1, Assert.Single(stored).Sequence);
        Assert.Equal(1, await db.Activities.CountAsync());
        Assert.Equal(1, await db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task Commit_NothingStaged_ReturnsEmpty()
    {
        await using var host = await DataTestHost.StartAsync();

        var stored = await host.RunTurnAsync("conv-a");

        Assert.Empty(stored);
    }

    [Fact]
    public async Task Commit_ConcurrentWithInboundAppends_SequencesAreUniqueGapFreeAndIncreasing()
    {
        await using var host = await DataTestHost.StartAsync();
        var otherProcess = host.OpenSecondProcess();
        await host.RunTurnAsync("conv-a");
        const int Rounds = 12;

        // Inbound appends and turn commits from many scopes, half of them through a second provider that
        // shares no in-process lock: the write transaction alone must keep sequences unique and gap-free.
        var work = new List<Task<IReadOnlyList<StoredActivity>>>();
        for (var i = 0; i < Rounds; i++)
        {
            var services = i % 2 == 0 ? host.Services : otherProcess;
            var n = i;
            work.Add(Task.Run(async () => (IReadOnlyList<StoredActivity>)[await host.InScopeAsync(
                sp => sp.GetRequiredService<ITranscriptStore>().AppendCommittedAsync("conv-a", DataTestHost.UserMessage($"in {n}"), CancellationToken.None),
                services)]));
            work.Add(Task.Run(() => host.RunTurnAsync(
                "conv-a",
                (sp, _) =>
                {
                    var transcript = sp.GetRequiredService<ITranscriptStore>();
                    transcript.Stage("conv-a", DataTestHost.BotMessage($"out {n}.1"));
                    transcript.Stage("conv-a", DataTestHost.BotMessage($"out {n}.2"));
                    return Task.CompletedTask;
                },
                services: services)));
        }

        var results = (await Task.WhenAll(work)).SelectMany(r => r).ToList();
        await using var db = host.OpenDb();
        var rows = await db.Activities.OrderBy(a => a.Sequence).Select(a => new { a.Sequence, a.ActivityId, a.Text }).ToListAsync();

        Assert.Equal(Rounds * 3, results.Count);
        Assert.Equal(Enumerable.Range(1, Rounds * 3).Select(i => (long)i), rows.Select(r => r.Sequence));
        Assert.Equal(results.Select(r => r.Sequence).Order(), rows.Select(r => r.Sequence));
        Assert.All(rows, r => Assert.Equal($"conv-a|{r.Sequence:D7}", r.ActivityId));
        foreach (var turn in work.Where(t => t.Result.Count == 2).Select(t => t.Result))
        {
            // A turn's replies are stored consecutively and in staging order.
            Assert.Equal(turn[0].Sequence + 1, turn[1].Sequence);
            Assert.EndsWith(".1", turn[0].Activity.Text, StringComparison.Ordinal);
        }
    }
}

using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;
using CustomerService.Data.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Data.Tests.Stores;

public sealed class ConversationStoreTests
{
    [Fact]
    public async Task Load_FirstSight_CreatesCustomerIdentityAndConversation()
    {
        await using var host = await DataTestHost.StartAsync();

        var state = await host.InScopeAsync(sp => sp.GetRequiredService<IConversationStore>()
            .LoadAsync("webchat", "conv-a", new ChannelAccount("user-1", "Ann", RoleTypes.User), CancellationToken.None));
        await using var db = host.OpenDb();

        Assert.Equal("conv-a", state.ConversationId);
        Assert.Equal("webchat", state.ChannelId);
        Assert.Equal(HandoffState.Bot, state.Handoff);
        Assert.Null(state.ActiveDialog);
        var customer = await db.Customers.SingleAsync();
        Assert.Equal(state.CustomerId, customer.Id);
        Assert.Equal("Ann", customer.DisplayName);
        Assert.Equal("user-1", (await db.ChannelIdentities.SingleAsync()).ChannelUserId);
    }

    [Fact]
    public async Task Load_SameIdentityInNewConversation_FindsSameCustomer()
    {
        await using var host = await DataTestHost.StartAsync();
        var first = await host.InScopeAsync(sp => sp.GetRequiredService<IConversationStore>()
            .LoadAsync("webchat", "conv-a", new ChannelAccount("user-1"), CancellationToken.None));

        var second = await host.InScopeAsync(sp => sp.GetRequiredService<IConversationStore>()
            .LoadAsync("webchat", "conv-b", new ChannelAccount("user-1"), CancellationToken.None));
        var other = await host.InScopeAsync(sp => sp.GetRequiredService<IConversationStore>()
            .LoadAsync("webchat", "conv-c", new ChannelAccount("user-2"), CancellationToken.None));

        Assert.Equal(first.CustomerId, second.CustomerId);
        Assert.NotEqual(first.CustomerId, other.CustomerId);
    }

    [Fact]
    public async Task Load_SameUserIdOnAnotherChannel_IsAnotherCustomer()
    {
        await using var host = await DataTestHost.StartAsync();
        var web = await host.InScopeAsync(sp => sp.GetRequiredService<IConversationStore>()
            .LoadAsync("webchat", "conv-a", new ChannelAccount("U123"), CancellationToken.None));

        var slack = await host.InScopeAsync(sp => sp.GetRequiredService<IConversationStore>()
            .LoadAsync("slack", "slack-conv", new ChannelAccount("U123"), CancellationToken.None));

        Assert.NotEqual(web.CustomerId, slack.CustomerId);
    }

    [Fact]
    public async Task Load_ConcurrentFirstSightFromTwoProcesses_CreatesOneCustomerAndConversation()
    {
        await using var host = await DataTestHost.StartAsync();
        var second = host.OpenSecondProcess();

        var states = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => host.InScopeAsync(
            sp => sp.GetRequiredService<IConversationStore>().LoadAsync("webchat", "conv-a", new ChannelAccount("user-1"), CancellationToken.None),
            i % 2 == 0 ? host.Services : second))));
        await using var db = host.OpenDb();

        Assert.Single(states.Select(s => s.CustomerId).Distinct());
        Assert.Equal(1, await db.Customers.CountAsync());
        Assert.Equal(1, await db.Conversations.CountAsync());
    }

    [Fact]
    public async Task Save_DialogStateAndCounters_RoundTrip()
    {
        await using var host = await DataTestHost.StartAsync();
        var dialog = new DialogState("track_order", "ask_number", new Dictionary<string, string> { ["order_number"] = "ORD-1", ["note"] = "é 👍" }, 2);
        await host.RunTurnAsync("conv-a", (_, state) =>
        {
            state.ActiveDialog = dialog;
            state.FailedTurns = 2;
            state.OutOfScopeStreak = 1;
            state.LastIntent = "track_order";
            state.Welcomed = true;
            return Task.CompletedTask;
        });

        var loaded = await host.InScopeAsync(sp => sp.GetRequiredService<IConversationStore>()
            .LoadAsync("webchat", "conv-a", new ChannelAccount("user-1"), CancellationToken.None));

        Assert.Equal(dialog.DialogId, loaded.ActiveDialog?.DialogId);
        Assert.Equal(dialog.StepId, loaded.ActiveDialog?.StepId);
        Assert.Equal(dialog.Attempts, loaded.ActiveDialog?.Attempts);
        Assert.Equal(dialog.Slots, loaded.ActiveDialog?.Slots);
        Assert.Equal(2, loaded.FailedTurns);
        Assert.Equal(1, loaded.OutOfScopeStreak);
        Assert.Equal("track_order", loaded.LastIntent);
        Assert.True(loaded.Welcomed);
    }

    [Fact]
    public async Task Load_CorruptDialogJson_RestartsDialogInsteadOfFailing()
    {
        await using var host = await DataTestHost.StartAsync();
        await host.RunTurnAsync("conv-a");
        await using (var db = host.OpenDb())
        {
            await db.Conversations.ExecuteUpdateAsync(s => s.SetProperty(c => c.ActiveDialogJson, "{not json"));
        }

        var loaded = await host.InScopeAsync(sp => sp.GetRequiredService<IConversationStore>()
            .LoadAsync("webchat", "conv-a", new ChannelAccount("user-1"), CancellationToken.None));

        Assert.Null(loaded.ActiveDialog);
    }

    [Fact]
    public async Task Load_ConversationOfAnotherChannel_Throws()
    {
        await using var host = await DataTestHost.StartAsync();
        await host.RunTurnAsync("conv-a");

        await Assert.ThrowsAsync<ArgumentException>(() => host.InScopeAsync(sp => sp.GetRequiredService<IConversationStore>()
            .LoadAsync("slack", "conv-a", new ChannelAccount("user-1"), CancellationToken.None)));
    }

    [Fact]
    public async Task Save_TurnThatDidNotTouchHandoff_KeepsAgentClaimCommittedMeanwhile()
    {
        await using var host = await DataTestHost.StartAsync();
        await host.RunTurnAsync("conv-a", async (sp, state) =>
        {
            await sp.GetRequiredService<IEscalationOutbox>().EnqueueAsync(
                new Core.Escalation.EscalationRequest("conv-a", state.CustomerId, "webchat", Core.Escalation.EscalationReason.ExplicitRequest, null, []),
                CancellationToken.None);
            state.Handoff = HandoffState.Pending;
        });
        var escalations = host.Services.GetRequiredService<IEscalationStore>();
        var escalation = Assert.Single(await escalations.ListAsync(EscalationFilter.Pending, null, 10, CancellationToken.None));

        // A turn loads the state, an agent claims during the turn, then the turn saves its own changes.
        await host.RunTurnAsync("conv-a", async (_, state) =>
        {
            await escalations.ClaimAsync(escalation.Id, "agent-1", CancellationToken.None);
            state.FailedTurns = 1;
        });
        await using var db = host.OpenDb();
        var conversation = await db.Conversations.SingleAsync();

        Assert.Equal(HandoffState.Agent, conversation.Handoff);
        Assert.Equal("agent-1", conversation.AssignedAgent);
        Assert.Equal(1, conversation.FailedTurns);
    }
}

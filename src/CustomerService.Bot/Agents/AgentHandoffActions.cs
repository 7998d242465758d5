using CustomerService.Bot.Workers;
using CustomerService.Core.Activities;
using CustomerService.Core.Handoff;
using CustomerService.Core.Ports;
using CustomerService.Data.Escalations;

namespace CustomerService.Bot.Agents;

/// <summary>
/// Claim, resolve and reply from the console. Core's <see cref="IHandoffService"/> makes the change under the
/// conversation's lock (that is what makes two simultaneous claims end with one owner) and returns what the customer
/// must see; this class sends that through the customer's own channel, brings the escalation row along and tells
/// open agent pages. Slack's buttons take the same path, so both front ends agree on who owns what.
/// </summary>
internal sealed class AgentHandoffActions(
    IHandoffService handoff,
    IEscalationStore escalations,
    IServiceProvider services,
    IEnumerable<IAgentNotifier> notifiers,
    ILogger<AgentHandoffActions> logger)
{
    public async Task<HandoffResult> ClaimAsync(string conversationId, AgentIdentity agent, CancellationToken cancellationToken)
    {
        var result = await handoff.ClaimAsync(conversationId, Account(agent), cancellationToken);
        switch (result.Outcome)
        {
            case HandoffOutcome.Done:
                Log.Claimed(logger, agent.Name, conversationId);
                await SyncEscalationAsync(conversationId, agent, claim: true, cancellationToken);
                await PublishAsync(result, cancellationToken);
                await NotifyChangedAsync(conversationId, cancellationToken);
                break;
            case HandoffOutcome.AlreadyClaimed:
                Log.ClaimConflict(logger, agent.Name, conversationId, result.AssignedAgent);
                break;
        }

        return result;
    }

    public async Task<HandoffResult> ResolveAsync(string conversationId, AgentIdentity agent, CancellationToken cancellationToken)
    {
        var result = await handoff.ResolveAsync(conversationId, Account(agent), cancellationToken);
        if (result.Outcome == HandoffOutcome.Done)
        {
            Log.Resolved(logger, agent.Name, conversationId);
            await SyncEscalationAsync(conversationId, agent, claim: false, cancellationToken);
            await PublishAsync(result, cancellationToken);
            await NotifyChangedAsync(conversationId, cancellationToken);
        }

        return result;
    }

    public async Task<HandoffResult> ReplyAsync(string conversationId, AgentIdentity agent, string text, CancellationToken cancellationToken)
    {
        var result = await handoff.ReplyAsync(conversationId, Account(agent), text, cancellationToken);
        if (result.Outcome == HandoffOutcome.Done)
        {
            Log.Replied(logger, agent.Name, conversationId, text.Length);
            await PublishAsync(result, cancellationToken);
            foreach (var notifier in notifiers)
            {
                await notifier.ConversationActivityAsync(conversationId, cancellationToken);
            }
        }

        return result;
    }

    private static ChannelAccount Account(AgentIdentity agent) => new(agent.Name, agent.DisplayName, RoleTypes.Agent);

    private async Task PublishAsync(HandoffResult result, CancellationToken cancellationToken)
    {
        if (result.ChannelId is null || result.Activities.Count == 0)
        {
            return;
        }

        // Each channel registers its sink under its channel id. Without one the activities are still committed to
        // the transcript, so a polling client (Direct Line GET activities) picks them up on its next poll.
        var sink = services.GetKeyedService<IReplySink>(result.ChannelId);
        if (sink is null)
        {
            Log.NoReplySink(logger, result.ConversationId, result.ChannelId);
            return;
        }

        await sink.PublishAsync(result.ConversationId, result.Activities, cancellationToken);
    }

    // The escalation row mirrors the conversation's handoff state for the queues and the Slack card, so it follows
    // before the customer is told: whoever sees the customer's message finds the card update already queued. Compare-and-set
    // on the store makes this idempotent: when the store already followed the conversation, it answers
    // AlreadyYours / AlreadyResolved and changes nothing.
    private async Task SyncEscalationAsync(string conversationId, AgentIdentity agent, bool claim, CancellationToken cancellationToken)
    {
        var open = await escalations.FindOpenByConversationAsync(conversationId, cancellationToken);
        if (open is null)
        {
            return;
        }

        if (claim)
        {
            var outcome = await escalations.ClaimAsync(open.Summary.Id, agent.Name, cancellationToken);
            if (outcome.Outcome is ClaimOutcome.ClaimedByAnother or ClaimOutcome.AlreadyResolved)
            {
                Log.EscalationOutOfStep(logger, conversationId, outcome.Outcome.ToString());
            }
        }
        else
        {
            var outcome = await escalations.ResolveAsync(open.Summary.Id, agent.Name, cancellationToken);
            if (outcome == ResolveOutcome.ClaimedByAnother)
            {
                Log.EscalationOutOfStep(logger, conversationId, outcome.ToString());
            }
        }

        // The store queued an escalation.updated row for the Slack card; deliver it now rather than on the next poll.
        services.GetService<EscalationOutboxSignal>()?.Wake();
    }

    private async Task NotifyChangedAsync(string conversationId, CancellationToken cancellationToken)
    {
        foreach (var notifier in notifiers)
        {
            await notifier.EscalationChangedAsync(conversationId, cancellationToken);
        }
    }
}

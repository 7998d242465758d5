namespace CustomerService.Bot.Agents;

/// <summary>
/// Tells the agent console that something changed, so open <c>/agent</c> pages refresh without a reload.
/// Notifications carry ids only (no customer text); pages re-read the store, so a missed one loses nothing.
/// </summary>
internal interface IAgentNotifier
{
    /// <summary>An escalation was created or changed state (pending, claimed, resolved).</summary>
    ValueTask EscalationChangedAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>A new activity (customer, bot or agent message) was stored in an escalated conversation.</summary>
    ValueTask ConversationActivityAsync(string conversationId, CancellationToken cancellationToken);
}

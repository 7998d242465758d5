namespace CustomerService.Data.Escalations;

/// <summary>Escalations for agents: queues, atomic claim and resolve, and the Slack card's location.</summary>
public interface IEscalationStore
{
    /// <summary>A queue, at most <paramref name="limit"/> rows; <paramref name="agentId"/> is needed for <see cref="EscalationFilter.Mine"/>.</summary>
    Task<IReadOnlyList<EscalationSummary>> ListAsync(EscalationFilter queue, string? agentId, int limit, CancellationToken cancellationToken);

    Task<EscalationDetails?> GetAsync(string escalationId, CancellationToken cancellationToken);

    /// <summary>The conversation's pending or claimed escalation, if any.</summary>
    Task<EscalationDetails?> FindOpenByConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The escalation whose Slack card is this message (a thread reply's parent).</summary>
    Task<EscalationDetails?> FindBySlackMessageAsync(string slackChannel, string slackMessageTs, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set from Pending to Claimed: of any number of concurrent claims exactly one wins. The winner's
    /// transaction also hands the conversation to the agent and queues an <c>escalation.updated</c> outbox row.
    /// </summary>
    Task<ClaimResult> ClaimAsync(string escalationId, string agentId, CancellationToken cancellationToken);

    /// <summary>
    /// Closes a pending escalation, or a claimed one by its owner: the conversation goes to Resolved (the bot
    /// resumes on the next customer message) and an <c>escalation.updated</c> outbox row is queued.
    /// </summary>
    Task<ResolveOutcome> ResolveAsync(string escalationId, string agentId, CancellationToken cancellationToken);

    /// <summary>Records where the Slack card was posted, so later updates edit it instead of posting again.</summary>
    /// <returns>False when the escalation no longer exists.</returns>
    Task<bool> SetSlackMessageAsync(string escalationId, string slackChannel, string slackMessageTs, CancellationToken cancellationToken);
}

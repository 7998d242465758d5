using CustomerService.Core.Ports;

namespace CustomerService.Data.Escalations;

/// <summary>Everything the agent card and page show about one escalation.</summary>
/// <param name="Summary">The queue fields.</param>
/// <param name="Alternatives">Top intent alternatives at escalation time, best first.</param>
/// <param name="RecentMessages">The last transcript lines, PII-redacted when they were recorded, oldest first.</param>
/// <param name="ClaimedAt">When claimed (UTC).</param>
/// <param name="ResolvedBy">Agent who resolved it.</param>
/// <param name="ResolvedAt">When resolved (UTC).</param>
/// <param name="SlackChannel">Channel of the Slack card, once posted.</param>
/// <param name="SlackMessageTs">Slack <c>ts</c> of the card, once posted.</param>
/// <param name="Version">Changes with every state change.</param>
public sealed record EscalationDetails(
    EscalationSummary Summary,
    IReadOnlyList<IntentScore> Alternatives,
    IReadOnlyList<string> RecentMessages,
    DateTimeOffset? ClaimedAt,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    string? SlackChannel,
    string? SlackMessageTs,
    long Version);

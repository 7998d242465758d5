using CustomerService.Core.Ports;

namespace CustomerService.Bot.Agents;

/// <summary>Why and when a conversation was escalated, and who handled it.</summary>
/// <param name="Id">Escalation id.</param>
/// <param name="State"><c>pending</c>, <c>claimed</c> or <c>resolved</c>.</param>
/// <param name="Reason">camelCase reason (e.g. <c>lowConfidence</c>).</param>
/// <param name="Intent">Intent at escalation time.</param>
/// <param name="Confidence">Its probability 0–1.</param>
/// <param name="Alternatives">Top alternatives, best first.</param>
/// <param name="RecentMessages">The last lines before escalating, PII-redacted.</param>
/// <param name="CreatedAt">When escalated (UTC).</param>
/// <param name="ClaimedBy">Owner id.</param>
/// <param name="ClaimedByName">Owner display name.</param>
/// <param name="ClaimedAt">When claimed (UTC).</param>
/// <param name="ResolvedBy">Who resolved it.</param>
/// <param name="ResolvedByName">Their display name.</param>
/// <param name="ResolvedAt">When resolved (UTC).</param>
internal sealed record AgentEscalationView(
    string Id,
    string State,
    string Reason,
    string? Intent,
    float? Confidence,
    IReadOnlyList<IntentScore> Alternatives,
    IReadOnlyList<string> RecentMessages,
    DateTimeOffset CreatedAt,
    string? ClaimedBy,
    string? ClaimedByName,
    DateTimeOffset? ClaimedAt,
    string? ResolvedBy,
    string? ResolvedByName,
    DateTimeOffset? ResolvedAt);

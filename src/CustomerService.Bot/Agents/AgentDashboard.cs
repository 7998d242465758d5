using CustomerService.Data.Agents;

namespace CustomerService.Bot.Agents;

/// <summary>Body of <c>GET /api/agent/dashboard</c>.</summary>
/// <param name="Since">Start of the period (UTC).</param>
/// <param name="Days">Length of the period in days.</param>
/// <param name="Conversations">Conversations started in the period.</param>
/// <param name="Escalations">Of those, escalated.</param>
/// <param name="ContainmentRate">Share the bot handled alone, 0–1.</param>
/// <param name="EscalationRate">Share escalated, 0–1.</param>
/// <param name="MisunderstoodBelow">The confidence threshold of <paramref name="Misunderstood"/>, 0–1.</param>
/// <param name="TopIntents">Most frequent intents, most frequent first.</param>
/// <param name="Misunderstood">Recent low-confidence customer messages, newest first.</param>
internal sealed record AgentDashboard(
    DateTimeOffset Since,
    int Days,
    int Conversations,
    int Escalations,
    double ContainmentRate,
    double EscalationRate,
    double MisunderstoodBelow,
    IReadOnlyList<IntentCount> TopIntents,
    IReadOnlyList<AgentMisunderstoodItem> Misunderstood);

namespace CustomerService.Data.Agents;

/// <summary>The agent dashboard's numbers over a period.</summary>
/// <param name="Since">Start of the period (UTC).</param>
/// <param name="Conversations">Conversations started in the period.</param>
/// <param name="EscalatedConversations">Of those, how many were escalated.</param>
/// <param name="ContainmentRate">Share handled by the bot alone, 0–1 (1 when there were none).</param>
/// <param name="EscalationRate">Share escalated, 0–1.</param>
/// <param name="TopIntents">Most frequent intents of customer messages, most frequent first.</param>
/// <param name="Misunderstood">Recent low-confidence customer messages, newest first.</param>
public sealed record DashboardStats(
    DateTimeOffset Since,
    int Conversations,
    int EscalatedConversations,
    double ContainmentRate,
    double EscalationRate,
    IReadOnlyList<IntentCount> TopIntents,
    IReadOnlyList<MisunderstoodMessage> Misunderstood);

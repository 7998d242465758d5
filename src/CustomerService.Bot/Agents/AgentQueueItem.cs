namespace CustomerService.Bot.Agents;

/// <summary>One escalation in a queue. Text fields are data: the page renders them as text only.</summary>
/// <param name="EscalationId">Escalation id.</param>
/// <param name="ConversationId">The conversation to open.</param>
/// <param name="ChannelId">Customer's channel (<c>webchat</c>, <c>slack</c>).</param>
/// <param name="CustomerId">Stable customer id.</param>
/// <param name="CustomerName">Name, if known.</param>
/// <param name="State"><c>pending</c>, <c>claimed</c> or <c>resolved</c>.</param>
/// <param name="Reason">Why the bot escalated, camelCase (e.g. <c>explicitRequest</c>).</param>
/// <param name="Intent">Last intent, if any.</param>
/// <param name="Confidence">Its probability 0–1.</param>
/// <param name="ClaimedBy">Owning agent id.</param>
/// <param name="ClaimedByName">Owning agent's display name.</param>
/// <param name="CreatedAt">When it was escalated (UTC).</param>
/// <param name="UpdatedAt">Last change (UTC).</param>
internal sealed record AgentQueueItem(
    string EscalationId,
    string ConversationId,
    string ChannelId,
    string CustomerId,
    string? CustomerName,
    string State,
    string Reason,
    string? Intent,
    float? Confidence,
    string? ClaimedBy,
    string? ClaimedByName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

using CustomerService.Core.Escalation;

namespace CustomerService.Data.Escalations;

/// <summary>An escalation as listed in a queue.</summary>
/// <param name="Id">Escalation id.</param>
/// <param name="ConversationId">The escalated conversation.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="CustomerName">Display name or remembered name, if known.</param>
/// <param name="ChannelId">Customer's channel (<c>webchat</c>, <c>slack</c>).</param>
/// <param name="Reason">Why the bot escalated.</param>
/// <param name="Intent">Last classified intent, if any.</param>
/// <param name="Confidence">Its probability 0–1, if any.</param>
/// <param name="State">Pending, claimed or resolved.</param>
/// <param name="ClaimedBy">Owning agent, once claimed.</param>
/// <param name="CreatedAt">When the escalation was committed (UTC).</param>
/// <param name="UpdatedAt">Last state change (UTC).</param>
public sealed record EscalationSummary(
    string Id,
    string ConversationId,
    string CustomerId,
    string? CustomerName,
    string ChannelId,
    EscalationReason Reason,
    string? Intent,
    float? Confidence,
    EscalationState State,
    string? ClaimedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

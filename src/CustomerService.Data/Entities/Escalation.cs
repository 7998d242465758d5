using CustomerService.Core.Escalation;
using CustomerService.Data.Escalations;

namespace CustomerService.Data.Entities;

/// <summary>A hand-off to human agents and its lifecycle (pending → claimed → resolved).</summary>
internal sealed class Escalation
{
    public required string Id { get; set; }

    public required string ConversationId { get; set; }

    public required string CustomerId { get; set; }

    public required string ChannelId { get; set; }

    public EscalationReason Reason { get; set; }

    public string? Intent { get; set; }

    public float? Confidence { get; set; }

    /// <summary>Top intent alternatives as a JSON array of <c>{intent, confidence}</c>.</summary>
    public required string AlternativesJson { get; set; }

    /// <summary>The last few transcript lines, PII-redacted by the caller, as a JSON array of strings.</summary>
    public required string RecentMessagesJson { get; set; }

    public EscalationState State { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Slack channel of the agent card, once posted.</summary>
    public string? SlackChannel { get; set; }

    /// <summary>Slack <c>ts</c> of the agent card, once posted; the card's thread carries the conversation.</summary>
    public string? SlackMessageTs { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Bumped on every state change; the compare-and-set token for claim and resolve.</summary>
    public long Version { get; set; }
}

namespace CustomerService.Core.Conversations;

/// <summary>
/// The per-conversation state a turn reads and changes. Loaded by the ConversationState middleware and
/// saved in the turn's single transaction together with the transcript and any outbox row.
/// </summary>
public sealed class ConversationState
{
    public required string ConversationId { get; init; }

    public required string ChannelId { get; init; }

    /// <summary>Stable id of the customer (same across conversations and linked channels).</summary>
    public required string CustomerId { get; init; }

    public HandoffState Handoff { get; set; }

    /// <summary>Agent who claimed the conversation while <see cref="Handoff"/> is Agent.</summary>
    public string? AssignedAgent { get; set; }

    public DialogState? ActiveDialog { get; set; }

    /// <summary>Consecutive turns the bot did not understand (low confidence or clarification).</summary>
    public int FailedTurns { get; set; }

    /// <summary>Consecutive out-of-scope turns.</summary>
    public int OutOfScopeStreak { get; set; }

    public string? LastIntent { get; set; }

    /// <summary>True once the welcome message was sent, so a reconnect does not greet twice.</summary>
    public bool Welcomed { get; set; }
}

using CustomerService.Core.Conversations;

namespace CustomerService.Data.Entities;

/// <summary>One channel conversation and the state a turn reads and changes.</summary>
internal sealed class Conversation
{
    /// <summary>The channel's conversation id.</summary>
    public required string Id { get; set; }

    public required string ChannelId { get; set; }

    public required string CustomerId { get; set; }

    public HandoffState Handoff { get; set; }

    public string? AssignedAgent { get; set; }

    /// <summary>The active dialog as JSON, or null when none runs.</summary>
    public string? ActiveDialogJson { get; set; }

    public int FailedTurns { get; set; }

    public int OutOfScopeStreak { get; set; }

    public string? LastIntent { get; set; }

    public bool Welcomed { get; set; }

    /// <summary>
    /// The sequence the next stored activity gets (starts at 1). Only ever advanced with a targeted
    /// UPDATE inside a write transaction, never through change tracking.
    /// </summary>
    public long NextSequence { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public List<ActivityRecord> Activities { get; } = [];
}

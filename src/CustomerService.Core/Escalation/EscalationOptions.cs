using System.ComponentModel.DataAnnotations;

namespace CustomerService.Core.Escalation;

/// <summary>When the bot hands a conversation to a human, and how the outbox delivers it (section <c>Escalation</c>).</summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>A turn whose best confidence (0–1) is below this counts as a failed turn.</summary>
    [Range(0.0, 1.0)]
    public double ConfidenceFloor { get; set; } = 0.5;

    /// <summary>Consecutive failed turns (not understood, failed generation, turn errors) that escalate.</summary>
    [Range(1, 100)]
    public int MaxFailedTurns { get; set; } = 3;

    /// <summary>Consecutive out-of-scope messages that escalate.</summary>
    [Range(1, 100)]
    public int MaxOutOfScopeStreak { get; set; } = 3;

    /// <summary>Whether a generator failure counts as a failed turn.</summary>
    public bool EscalateOnGeneratorFailure { get; set; } = true;

    /// <summary>Whether a turn that threw counts as a failed turn.</summary>
    public bool EscalateOnTurnError { get; set; } = true;

    /// <summary>Transcript lines (redacted) sent with an escalation.</summary>
    [Range(1, 100)]
    public int RecentMessages { get; set; } = 10;

    /// <summary>How often the outbox worker looks for undelivered escalations.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Delivery attempts per outbox row before it is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;
}

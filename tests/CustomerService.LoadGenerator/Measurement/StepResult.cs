namespace CustomerService.LoadGenerator.Measurement;

/// <summary>Everything measured at one concurrency level; serialised as-is into results.json.</summary>
internal sealed record StepResult
{
    public required int Concurrency { get; init; }

    public required double ElapsedSeconds { get; init; }

    /// <summary>Message posted → first bot message with replyToId = the posted id, in ms.</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Answered turns per second of step wall time (ramp-up and drain included).</summary>
    public required double ThroughputTurnsPerSecond { get; init; }

    public required long ConversationsStarted { get; init; }

    public required long TurnsPosted { get; init; }

    public required long TurnsReplied { get; init; }

    /// <summary>Posted turns with no reply within the reply timeout.</summary>
    public required long TurnsLost { get; init; }

    /// <summary>Turns whose POST itself failed (counted under errors too).</summary>
    public required long TurnsFailed { get; init; }

    /// <summary>Conversations the bot handed to a human; the customer then starts a new one.</summary>
    public required long Escalations { get; init; }

    public required long DuplicateActivities { get; init; }

    public required long ExtraReplies { get; init; }

    public required long LateReplies { get; init; }

    /// <summary>Activities of another conversation, or another user's message on ours: a privacy failure.</summary>
    public required long Misrouted { get; init; }

    /// <summary>Bot replies to an id the client never saw (G7); a protocol flaw, not a lost or leaked reply.</summary>
    public required long OrphanReplies { get; init; }

    public required long EchoProblems { get; init; }

    /// <summary>Mean bot messages per answered turn.</summary>
    public required double RepliesPerTurn { get; init; }

    /// <summary>Failed calls by <see cref="ErrorClass"/> name.</summary>
    public required IReadOnlyDictionary<string, long> ErrorsByClass { get; init; }

    /// <summary>Failed calls by <c>Operation:Class</c>.</summary>
    public required IReadOnlyDictionary<string, long> ErrorsByOperation { get; init; }

    /// <summary>Non-success HTTP statuses seen, by code.</summary>
    public required IReadOnlyDictionary<string, long> StatusCodes { get; init; }

    public HostSample? Host { get; init; }

    /// <summary>Pause before this step, in seconds (null for the first).</summary>
    public double? CooldownSeconds { get; init; }

    /// <summary>False when a started host was still busy with the previous step's work as this step began.</summary>
    public bool? HostIdleAtStart { get; init; }

    public long Errors => ErrorsByClass.Values.Sum();

    /// <summary>Duplicated replies in the sense: the same activity twice, or more replies than expected.</summary>
    public long Duplicated => DuplicateActivities + ExtraReplies;
}

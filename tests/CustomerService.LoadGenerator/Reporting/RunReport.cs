using CustomerService.LoadGenerator.Measurement;

namespace CustomerService.LoadGenerator.Reporting;

/// <summary>One run: where, with what settings, and the measured steps. Written to results.json as-is.</summary>
internal sealed record RunReport
{
    public required DateTimeOffset StartedAtUtc { get; init; }

    public required MachineInfo Machine { get; init; }

    public required string Transport { get; init; }

    public required string Target { get; init; }

    public required double StepDurationSeconds { get; init; }

    public required double RampUpSeconds { get; init; }

    public required double ThinkTimeMeanMilliseconds { get; init; }

    public required double ReplyTimeoutMilliseconds { get; init; }

    public required int TurnsPerConversation { get; init; }

    /// <summary>Name of the utterance file and how many utterances it gave; never any of the texts.</summary>
    public required string UtteranceFile { get; init; }

    public required int UtteranceCount { get; init; }

    /// <summary>Which labelled intents were sent, e.g. "without change_order,…".</summary>
    public required string IntentFilter { get; init; }

    public required int Seed { get; init; }

    public required double TargetP95Milliseconds { get; init; }

    public required HostReport Host { get; init; }

    public StepResult? Warmup { get; init; }

    public required IReadOnlyList<StepResult> Steps { get; init; }

    /// <summary>A step meets the bar when p95 is within target and nothing failed, got lost, duplicated or misrouted.</summary>
    public bool Meets(StepResult step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.TurnsReplied > 0
            && step.Latency.P95 <= TargetP95Milliseconds
            && step.Errors == 0
            && step.TurnsLost == 0
            && step.Duplicated == 0
            && step.Misrouted == 0;
    }
}

using CustomerService.LoadGenerator.Cli;
using CustomerService.LoadGenerator.DirectLine;
using CustomerService.LoadGenerator.Measurement;
using CustomerService.LoadGenerator.Utterances;

namespace CustomerService.LoadGenerator.Simulation;

/// <summary>What every customer of one step shares: the client, the counters, the turn budget and the two stop signals.</summary>
internal sealed class StepContext(
    LoadRunSettings settings,
    DirectLineClient client,
    UtteranceSource utterances,
    string? secret,
    TimeProvider timeProvider,
    StepCounters counters,
    int stepNumber,
    CancellationToken sendingStopped,
    CancellationToken hardStop)
{
    private long _turnBudget = settings.MaxTurnsPerStep;

    public LoadRunSettings Settings { get; } = settings;

    public DirectLineClient Client { get; } = client;

    public UtteranceSource Utterances { get; } = utterances;

    /// <summary>The Direct Line secret for <c>tokens/generate</c>; null when a page token endpoint is used.</summary>
    public string? Secret { get; } = secret;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public StepCounters Counters { get; } = counters;

    public int StepNumber { get; } = stepNumber;

    /// <summary>Fires when the step's duration is over: no new turns or conversations, in-flight turns finish.</summary>
    public CancellationToken SendingStopped { get; } = sendingStopped;

    /// <summary>Fires when even the drain is over (or the user pressed Ctrl+C): everything stops.</summary>
    public CancellationToken HardStop { get; } = hardStop;

    /// <summary>Takes one turn from the step's budget; false once <see cref="LoadRunSettings.MaxTurnsPerStep"/> are used.</summary>
    public bool TryReserveTurn() => Interlocked.Decrement(ref _turnBudget) >= 0;

    public bool BudgetLeft => Interlocked.Read(ref _turnBudget) > 0;
}

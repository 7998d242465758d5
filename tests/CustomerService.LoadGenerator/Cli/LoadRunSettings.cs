using CustomerService.LoadGenerator.Utterances;

namespace CustomerService.LoadGenerator.Cli;

/// <summary>Everything one load run needs, validated by <see cref="LoadCommand"/> before anything starts.</summary>
internal sealed record LoadRunSettings
{
    /// <summary>Base of the host, e.g. <c>http://127.0.0.1:5080</c>; Direct Line lives under <c>/v3/directline</c>. Null with <see cref="StartHost"/>.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Concurrent customers for each step of the sweep, in the order given.</summary>
    public required IReadOnlyList<int> ConcurrencyLevels { get; init; }

    /// <summary>Time over which a step starts its customers, evenly spaced.</summary>
    public required TimeSpan RampUp { get; init; }

    /// <summary>How long a step sends new turns (ramp-up included); in-flight turns then drain.</summary>
    public required TimeSpan StepDuration { get; init; }

    /// <summary>Hard cap on turns posted in one step, whatever the duration.</summary>
    public required int MaxTurnsPerStep { get; init; }

    /// <summary>Turns a customer sends in one conversation before opening a new one.</summary>
    public required int TurnsPerConversation { get; init; }

    /// <summary>Mean of the exponential think time between a reply and the next message; zero sends at once.</summary>
    public required TimeSpan ThinkTimeMean { get; init; }

    /// <summary>A turn with no reply within this time counts as lost.</summary>
    public required TimeSpan ReplyTimeout { get; init; }

    /// <summary>A short run before the sweep whose numbers are discarded (JIT, model caches, SQLite pages).</summary>
    public required TimeSpan Warmup { get; init; }

    /// <summary>
    /// Longest pause between steps. With a started host the pause ends as soon as the host is idle, so that
    /// work left from one step (turns of customers who gave up) is not charged to the next; otherwise it is fixed.
    /// </summary>
    public required TimeSpan Cooldown { get; init; }

    public required TransportKind Transport { get; init; }

    /// <summary>Polling interval in polling mode (Web Chat's default is 1 s, its floor 200 ms).</summary>
    public required TimeSpan PollInterval { get; init; }

    /// <summary>CSV with a header row; the <see cref="UtteranceColumn"/> column is read at run time and never stored.</summary>
    public required string UtterancesPath { get; init; }

    public required string UtteranceColumn { get; init; }

    /// <summary>Which labelled intents of the split to send (all by default).</summary>
    public required IntentFilter Intents { get; init; }

    public required string Locale { get; init; }

    /// <summary>Environment variable that holds the Direct Line secret (never passed on the command line).</summary>
    public required string SecretVariable { get; init; }

    /// <summary>Same-origin token endpoint of the Web Chat page (relative path); when set, no secret is needed.</summary>
    public string? TokenEndpoint { get; init; }

    /// <summary>Bot replies expected per turn; more counts as duplicated. Zero leaves the count unchecked.</summary>
    public required int ExpectedRepliesPerTurn { get; init; }

    /// <summary>The chart draws this as the target line and the verdict compares each step's p95 with it.</summary>
    public required TimeSpan TargetP95 { get; init; }

    /// <summary>Host DLL or executable to start as a child process; null targets <see cref="BaseUrl"/>.</summary>
    public string? StartHost { get; init; }

    /// <summary>Working directory (content root) of a started host.</summary>
    public required string HostContentRoot { get; init; }

    /// <summary>Extra <c>KEY=VALUE</c> environment for a started host (e.g. <c>Nlu__Device=Cpu</c>).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> HostEnvironment { get; init; }

    /// <summary>How long a started host may take to answer 200 on <c>/readyz</c>.</summary>
    public required TimeSpan HostReadyTimeout { get; init; }

    /// <summary>Folder for report.txt, results.json, the chart and the host log.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Where the PNG goes; defaults to <c>latency.png</c> in <see cref="OutputDirectory"/>.</summary>
    public required string ChartPath { get; init; }

    /// <summary>Seeds utterance choice and think times so a run can be repeated.</summary>
    public required int Seed { get; init; }
}

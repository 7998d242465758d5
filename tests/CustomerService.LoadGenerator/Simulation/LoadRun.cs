using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CustomerService.LoadGenerator.Cli;
using CustomerService.LoadGenerator.DirectLine;
using CustomerService.LoadGenerator.Hosting;
using CustomerService.LoadGenerator.Measurement;
using CustomerService.LoadGenerator.Reporting;
using CustomerService.LoadGenerator.Utterances;
using Spectre.Console;

namespace CustomerService.LoadGenerator.Simulation;

/// <summary>
/// One run: optional host start, a discarded warm-up, one step per concurrency level, then the reports.
/// Exit codes: 0 every step met the bar, 2 the run completed but a step missed it, 1 the run could not be done.
/// </summary>
internal sealed class LoadRun(LoadRunSettings settings, TimeProvider timeProvider)
{
    public const int ExitMet = 0;
    public const int ExitFailed = 1;
    public const int ExitMissed = 2;

    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    // After the last turn's reply timeout, a little more for conversations to close before everything is cancelled.
    private static readonly TimeSpan DrainMargin = TimeSpan.FromSeconds(15);

    private readonly IAnsiConsole _console = CreateConsole();

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var machine = MachineInfo.Capture();
        if (!TryResolveSecret(out var secret, out var problem))
        {
            _console.MarkupLineInterpolated($"[red]{problem}[/]");
            return ExitFailed;
        }

        UtteranceSource utterances;
        try
        {
            utterances = await UtteranceSource.LoadAsync(settings.UtterancesPath, settings.UtteranceColumn, settings.Intents, cancellationToken);
        }
        catch (CsvFormatException exception)
        {
            _console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            return ExitFailed;
        }

        Directory.CreateDirectory(settings.OutputDirectory);
        HostProcess? host = null;
        try
        {
            if (settings.StartHost is not null)
            {
                _console.MarkupLineInterpolated($"starting host {settings.StartHost} …");
                host = await HostProcess.StartAsync(settings, secret!, Path.Combine(settings.OutputDirectory, "host.log"), timeProvider, cancellationToken);
                _console.MarkupLine(Invariant($"host ready in {host.TimeToReady.TotalSeconds:0.00} s at {host.BaseUrl} (pid {host.ProcessId}, RSS {host.ReadyRssMegabytes:0} MiB)"));
            }

            var baseUrl = host?.BaseUrl ?? settings.BaseUrl!;
            using var client = new DirectLineClient(baseUrl);
            StepResult? warmup = null;
            if (settings.Warmup > TimeSpan.Zero)
            {
                var rampUp = TimeSpan.FromTicks(Math.Min(settings.RampUp.Ticks, settings.Warmup.Ticks / 2));
                warmup = await RunStepAsync(client, utterances, secret, host, settings.ConcurrencyLevels[0], settings.Warmup, rampUp, stepNumber: 0, cancellationToken);
                _console.MarkupLine(Invariant($"[grey]warm-up done: {warmup.TurnsReplied}/{warmup.TurnsPosted} turns answered (discarded)[/]"));
            }

            var steps = new List<StepResult>();
            for (var i = 0; i < settings.ConcurrencyLevels.Count && !cancellationToken.IsCancellationRequested; i++)
            {
                var level = settings.ConcurrencyLevels[i];
                (TimeSpan Waited, bool? Idle)? cooldown = i > 0 || warmup is not null ? await CoolDownAsync(host, cancellationToken) : null;
                _console.MarkupLine(Invariant($"[bold]step {i + 1}/{settings.ConcurrencyLevels.Count}: {level} concurrent customers for {settings.StepDuration.TotalSeconds:0} s[/]"));
                var step = await RunStepAsync(client, utterances, secret, host, level, settings.StepDuration, settings.RampUp, i + 1, cancellationToken);
                steps.Add(step with { CooldownSeconds = cooldown?.Waited.TotalSeconds, HostIdleAtStart = cooldown?.Idle });
            }

            var report = new RunReport
            {
                StartedAtUtc = startedAt,
                Machine = machine,
                Transport = settings.Transport == TransportKind.WebSocket ? "websocket" : "polling",
                Target = baseUrl.ToString(),
                StepDurationSeconds = settings.StepDuration.TotalSeconds,
                RampUpSeconds = settings.RampUp.TotalSeconds,
                ThinkTimeMeanMilliseconds = settings.ThinkTimeMean.TotalMilliseconds,
                ReplyTimeoutMilliseconds = settings.ReplyTimeout.TotalMilliseconds,
                TurnsPerConversation = settings.TurnsPerConversation,
                UtteranceFile = Path.GetFileName(settings.UtterancesPath),
                UtteranceCount = utterances.Count,
                IntentFilter = Describe(settings.Intents),
                Seed = settings.Seed,
                TargetP95Milliseconds = settings.TargetP95.TotalMilliseconds,
                Host = new HostReport(
                    host?.TimeToReady.TotalSeconds,
                    host?.ReadyRssMegabytes,
                    host is null ? null : ProcessMemory.Read(host.ProcessId)?.Peak),
                Warmup = warmup,
                Steps = steps,
            };

            await WriteReportsAsync(report, cancellationToken);
            return steps.Count == settings.ConcurrencyLevels.Count && steps.All(report.Meets) ? ExitMet : ExitMissed;
        }
        catch (HostStartException exception)
        {
            _console.MarkupLineInterpolated($"[red]{exception.Message}[/] ({Path.Combine(settings.OutputDirectory, "host.log")})");
            return ExitFailed;
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>Redraws the report and chart of a finished run from its results.json; no traffic is sent.</summary>
    public static async Task<int> ReplotAsync(string resultsPath, string chartPath, CancellationToken cancellationToken)
    {
        var console = CreateConsole();
        RunReport? report;
        try
        {
            await using var stream = File.OpenRead(resultsPath);
            report = await JsonSerializer.DeserializeAsync(stream, ReportJsonContext.Default.RunReport, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            console.MarkupLineInterpolated($"[red]Cannot read {resultsPath}: {exception.Message}[/]");
            return ExitFailed;
        }

        if (report is null)
        {
            console.MarkupLineInterpolated($"[red]{resultsPath} holds no run.[/]");
            return ExitFailed;
        }

        ConsoleReport.Render(report, console);
        LatencyChart.Write(report, chartPath);
        console.MarkupLineInterpolated($"wrote {chartPath}");
        return report.Steps.All(report.Meets) ? ExitMet : ExitMissed;
    }

    private async Task<StepResult> RunStepAsync(
        DirectLineClient client,
        UtteranceSource utterances,
        string? secret,
        HostProcess? host,
        int concurrency,
        TimeSpan duration,
        TimeSpan rampUp,
        int stepNumber,
        CancellationToken cancellationToken)
    {
        var counters = new StepCounters();
        using var sendingTimer = new CancellationTokenSource(duration, timeProvider);
        using var hardStopTimer = new CancellationTokenSource(duration + settings.ReplyTimeout + DrainMargin, timeProvider);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, sendingTimer.Token);
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, hardStopTimer.Token);

        var context = new StepContext(settings, client, utterances, secret, timeProvider, counters, stepNumber, sending.Token, hardStop.Token);
        var started = timeProvider.GetTimestamp();
        var hostCpuAtStart = host?.TotalProcessorTime();
        var generatorCpuAtStart = Environment.CpuUsage.TotalTime;

        using var monitorStop = new CancellationTokenSource();
        var monitor = MonitorAsync(host, counters, concurrency, started, monitorStop.Token);

        var customers = new Task[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            // Evenly spaced starts over the ramp-up, so the host sees load grow rather than a thundering herd.
            var offset = concurrency == 1 ? TimeSpan.Zero : rampUp * i / concurrency;
            customers[i] = RunCustomerAsync(context, i, offset);
        }

        await Task.WhenAll(customers);
        var elapsed = timeProvider.GetElapsedTime(started);
        await monitorStop.CancelAsync();
        var peakRss = await monitor;

        var seconds = elapsed.TotalSeconds;
        // A host that died mid-step has no CPU time left to read; its failures are in the error counts.
        var hostCpu = host is null || host.HasExited ? (TimeSpan?)null : host.TotalProcessorTime() - hostCpuAtStart!.Value;
        var sample = new HostSample(
            peakRss,
            host is null ? null : ProcessMemory.Read(host.ProcessId)?.Rss,
            hostCpu?.TotalSeconds / seconds * 100,
            hostCpu is { } cpu && counters.TurnsReplied > 0 ? cpu.TotalMilliseconds / counters.TurnsReplied : null,
            (Environment.CpuUsage.TotalTime - generatorCpuAtStart).TotalSeconds / seconds * 100,
            MachineInfo.CurrentLoadAverage());
        var result = counters.Snapshot(concurrency, elapsed, sample);
        _console.MarkupLine(Invariant(
            $"  done in {seconds:0.0} s: {result.TurnsReplied}/{result.TurnsPosted} answered, p50 {result.Latency.P50:0.0} / p95 {result.Latency.P95:0.0} / p99 {result.Latency.P99:0.0} ms, {result.ThroughputTurnsPerSecond:0.0} turns/s, {result.Errors} errors, {result.TurnsLost} lost"));
        return result;
    }

    private async Task RunCustomerAsync(StepContext context, int index, TimeSpan offset)
    {
        if (offset > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(offset, timeProvider, context.SendingStopped);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        // A fixed seed per (run seed, step, customer) makes the utterance sequence and think times repeatable.
        var seed = unchecked((settings.Seed * 1_000_003) + (context.StepNumber * 10_007) + index);
        await new SimulatedCustomer(context, index, new Random(seed)).RunAsync();
    }

    /// <summary>Waits up to the cooldown; with a started host, only until it used under 5 % of a core for a whole second.</summary>
    private async Task<(TimeSpan Waited, bool? Idle)> CoolDownAsync(HostProcess? host, CancellationToken cancellationToken)
    {
        if (settings.Cooldown <= TimeSpan.Zero)
        {
            return (TimeSpan.Zero, null);
        }

        var started = timeProvider.GetTimestamp();
        if (host is null)
        {
            await Task.Delay(settings.Cooldown, timeProvider, cancellationToken);
            return (settings.Cooldown, null);
        }

        var idleBelow = TimeSpan.FromMilliseconds(50);
        var idle = false;
        var previous = host.TotalProcessorTime();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), timeProvider);
        while (timeProvider.GetElapsedTime(started) < settings.Cooldown && await timer.WaitForNextTickAsync(cancellationToken))
        {
            var now = host.TotalProcessorTime();
            if (host.HasExited || now - previous < idleBelow)
            {
                idle = true;
                break;
            }

            previous = now;
        }

        var waited = timeProvider.GetElapsedTime(started);
        _console.MarkupLine(Invariant($"[grey]cool-down: {waited.TotalSeconds:0} s{(idle ? ", host idle" : ", host still busy: its backlog carries into the next step")}[/]"));
        return (waited, idle);
    }

    /// <summary>Samples the host's RSS and prints progress until stopped; returns the peak RSS seen (MiB).</summary>
    private async Task<double?> MonitorAsync(HostProcess? host, StepCounters counters, int concurrency, long started, CancellationToken cancellationToken)
    {
        double? peak = null;
        var lastProgress = started;
        using var timer = new PeriodicTimer(SampleInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (host is not null && ProcessMemory.Read(host.ProcessId) is { } memory)
                {
                    peak = Math.Max(peak ?? 0, memory.Rss);
                }

                if (timeProvider.GetElapsedTime(lastProgress) >= ProgressInterval)
                {
                    lastProgress = timeProvider.GetTimestamp();
                    _console.MarkupLine(Invariant(
                        $"[grey]  c={concurrency} t={timeProvider.GetElapsedTime(started).TotalSeconds:0}s posted {counters.TurnsPosted} answered {counters.TurnsReplied} lost {counters.TurnsLost} errors {counters.ErrorCount}{(peak is { } p ? $" host RSS {p:0} MiB" : string.Empty)}[/]"));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The step is over.
        }

        return peak;
    }

    private async Task WriteReportsAsync(RunReport report, CancellationToken cancellationToken)
    {
        ConsoleReport.Render(report, _console);
        var textPath = Path.Combine(settings.OutputDirectory, "report.txt");
        var jsonPath = Path.Combine(settings.OutputDirectory, "results.json");
        await ConsoleReport.WriteTextAsync(report, textPath, cancellationToken);
        await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, ReportJsonContext.Default.RunReport), cancellationToken);
        LatencyChart.Write(report, settings.ChartPath);
        _console.MarkupLineInterpolated($"wrote {textPath}, {jsonPath} and {settings.ChartPath}");
    }

    private bool TryResolveSecret(out string? secret, out string problem)
    {
        problem = string.Empty;
        secret = null;
        if (settings.TokenEndpoint is not null && settings.StartHost is null)
        {
            return true;
        }

        secret = Environment.GetEnvironmentVariable(settings.SecretVariable);
        if (!string.IsNullOrEmpty(secret))
        {
            return true;
        }

        if (settings.StartHost is not null)
        {
            // The host we start gets a fresh random secret; it never leaves the two processes.
            secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return true;
        }

        problem = $"Set {settings.SecretVariable} to the host's Direct Line secret, or use --token-endpoint or --start-host.";
        return false;
    }

    private static string Describe(IntentFilter filter) =>
        (filter.Only.Count, filter.Skip.Count) switch
        {
            (0, 0) => "all intents",
            (_, 0) => "only " + string.Join(",", filter.Only.Order(StringComparer.Ordinal)),
            (0, _) => "without " + string.Join(",", filter.Skip.Order(StringComparer.Ordinal)),
            _ => "only " + string.Join(",", filter.Only.Order(StringComparer.Ordinal)) + " without " + string.Join(",", filter.Skip.Order(StringComparer.Ordinal)),
        };

    private static IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Console;

        // Redirected to a file or a CI log, Spectre assumes 80 columns and squeezes the tables.
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 140;
        }

        return console;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

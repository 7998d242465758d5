using System.Globalization;
using CustomerService.LoadGenerator.Measurement;
using Spectre.Console;

namespace CustomerService.LoadGenerator.Reporting;

/// <summary>The human-readable report: a header with the setup and one table row per step, for the console and report.txt.</summary>
internal static class ConsoleReport
{
    public static void Render(RunReport report, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);

        var machine = report.Machine;
        console.WriteLine();
        console.MarkupLine(Invariant($"[bold]CustomerService load run[/] {report.StartedAtUtc:yyyy-MM-dd HH:mm:ss}Z against {Markup.Escape(report.Target)}"));
        console.MarkupLine(Invariant($"machine: {machine.ProcessorCount} cores, {Markup.Escape(machine.CpuModel)}, {machine.MemoryGigabytes} GiB, {Markup.Escape(machine.OperatingSystem)}, {Markup.Escape(machine.Runtime)}; load average at start {Markup.Escape(machine.LoadAverageAtStart)}"));
        console.MarkupLine(Invariant($"transport {report.Transport}; {report.StepDurationSeconds:0.#} s per step ({report.RampUpSeconds:0.#} s ramp-up); think time exp(mean {report.ThinkTimeMeanMilliseconds:0} ms); {report.TurnsPerConversation} turns per conversation; reply timeout {report.ReplyTimeoutMilliseconds:0} ms"));
        console.MarkupLine(Invariant($"utterances: {report.UtteranceCount} from {Markup.Escape(report.UtteranceFile)}, {Markup.Escape(report.IntentFilter)} (seed {report.Seed})"));
        if (report.Host.TimeToReadySeconds is { } ready)
        {
            console.MarkupLine(Invariant($"host: ready {ready:0.00} s after start; RSS {Mb(report.Host.ReadyRssMegabytes)} when ready, peak (VmHWM) {Mb(report.Host.PeakRssMegabytes)}"));
        }

        if (report.Warmup is { } warmup)
        {
            console.MarkupLine(Invariant($"[grey]warm-up (discarded): {warmup.TurnsReplied}/{warmup.TurnsPosted} turns answered, p95 {warmup.Latency.P95:0.0} ms[/]"));
        }

        var latency = Table("turn latency: message posted → first bot reply with replyToId = its id", "conc.", "sent", "answered", "p50 ms", "p95 ms", "p99 ms", "max ms", "turns/s", Invariant($"p95≤{report.TargetP95Milliseconds:0}, clean"));
        var reliability = Table("errors by class, lost and duplicated replies", "conc.", "4xx", "5xx", "timeout", "network", "protocol", "lost", "dup", "misrouted", "orphan", "echo", "escalated");
        var resources = Table("resources (100% = one core busy)", "conc.", "host RSS peak", "host RSS end", "host CPU", "host CPU ms/turn", "generator CPU", "machine load (1 min)", "conversations", "host idle at start");
        foreach (var step in report.Steps)
        {
            var concurrency = Invariant($"{step.Concurrency}");
            latency.AddRow(
                concurrency,
                Invariant($"{step.TurnsPosted}"),
                Invariant($"{step.TurnsReplied}"),
                Invariant($"{step.Latency.P50:0.0}"),
                Invariant($"{step.Latency.P95:0.0}"),
                Invariant($"{step.Latency.P99:0.0}"),
                Invariant($"{step.Latency.Max:0.0}"),
                Invariant($"{step.ThroughputTurnsPerSecond:0.0}"),
                report.Meets(step) ? "[green]yes[/]" : "[red]no[/]");
            reliability.AddRow(
                concurrency,
                Invariant($"{Count(step, ErrorClass.Http4xx)}"),
                Invariant($"{Count(step, ErrorClass.Http5xx)}"),
                Invariant($"{Count(step, ErrorClass.Timeout)}"),
                Invariant($"{Count(step, ErrorClass.Network)}"),
                Invariant($"{Count(step, ErrorClass.Protocol)}"),
                Invariant($"{step.TurnsLost}"),
                Invariant($"{step.Duplicated}"),
                Invariant($"{step.Misrouted}"),
                Invariant($"{step.OrphanReplies}"),
                Invariant($"{step.EchoProblems}"),
                Invariant($"{step.Escalations}"));
            resources.AddRow(
                concurrency,
                Mb(step.Host?.PeakRssMegabytes),
                Mb(step.Host?.EndRssMegabytes),
                Percent(step.Host?.CpuPercent),
                step.Host?.CpuMillisecondsPerTurn is { } perTurn ? Invariant($"{perTurn:0.0}") : "n/a",
                Percent(step.Host?.GeneratorCpuPercent),
                step.Host?.LoadAverage is { } load ? Invariant($"{load:0.0}") : "n/a",
                Invariant($"{step.ConversationsStarted}"),
                step.HostIdleAtStart switch { true => "yes", false => Invariant($"no (after {step.CooldownSeconds:0} s)"), null => "n/a" });
        }

        console.Write(latency);
        console.Write(reliability);
        console.MarkupLine("[grey]lost: no reply within the reply timeout; dup: an activity id delivered twice, or more replies than --expected-replies; "
            + "misrouted: another conversation's activity or another user's message; orphan: a reply to an id the client never saw (directline.md G7); "
            + "echo: a posted message not echoed back with its id (§9); escalated: conversations handed to a human.[/]");
        console.Write(resources);

        foreach (var step in report.Steps.Where(s => s.Errors > 0 || s.LateReplies > 0))
        {
            var byOperation = string.Join(", ", step.ErrorsByOperation.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Invariant($"{p.Key} {p.Value}")));
            var byStatus = string.Join(", ", step.StatusCodes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Invariant($"{p.Key}×{p.Value}")));
            console.MarkupLine(Markup.Escape(Invariant($"  c={step.Concurrency}: errors {byOperation}; HTTP statuses {(byStatus.Length > 0 ? byStatus : "none")}; late replies {step.LateReplies}")));
        }

        console.MarkupLine(Invariant($"[grey]replies per answered turn (mean): {string.Join(", ", report.Steps.Select(s => Invariant($"c={s.Concurrency} {s.RepliesPerTurn:0.00}")))}[/]"));
    }

    public static async Task WriteTextAsync(RunReport report, string path, CancellationToken cancellationToken)
    {
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 220;
        Render(report, console);
        await File.WriteAllTextAsync(path, writer.ToString(), cancellationToken);
    }

    private static Table Table(string title, params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        }

        return table;
    }

    private static long Count(StepResult step, ErrorClass errorClass) =>
        step.ErrorsByClass.TryGetValue(errorClass.ToString(), out var count) ? count : 0;

    private static string Mb(double? megabytes) => megabytes is { } value ? Invariant($"{value:0} MiB") : "n/a";

    private static string Percent(double? percent) => percent is { } value ? Invariant($"{value:0}%") : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

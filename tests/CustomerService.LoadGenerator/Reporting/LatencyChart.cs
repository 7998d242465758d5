using System.Globalization;
using CustomerService.LoadGenerator.Measurement;
using ScottPlot;

namespace CustomerService.LoadGenerator.Reporting;

/// <summary>PNG of p50/p95/p99 turn latency against concurrent conversations, with the p95 target as a dashed line.</summary>
internal static class LatencyChart
{
    // The NoDependencies Skia build has no fontconfig to find fonts by name; these files are common on Debian.
    private static readonly (string Regular, string Bold)[] FontFiles =
    [
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
    ];

    public static void Write(RunReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        var all = report.Steps.OrderBy(s => s.Concurrency).ToArray();
        var steps = all.Where(s => s.Latency.Count > 0).ToArray();

        // Before the Plot exists: its title and axis labels take the default font when they are created.
        UseInstalledFont();
        var plot = new Plot();

        double[] xs = [.. steps.Select(s => (double)s.Concurrency)];
        AddSeries(plot, xs, [.. steps.Select(s => s.Latency.P50)], "p50", Colors.SteelBlue);
        AddSeries(plot, xs, [.. steps.Select(s => s.Latency.P95)], "p95", Colors.DarkOrange);
        AddSeries(plot, xs, [.. steps.Select(s => s.Latency.P99)], "p99", Colors.Crimson);

        var target = plot.Add.HorizontalLine(report.TargetP95Milliseconds);
        target.LinePattern = LinePattern.Dashed;
        target.Color = Colors.Gray;
        target.LegendText = string.Create(CultureInfo.InvariantCulture, $"p95 target {report.TargetP95Milliseconds:0} ms");

        // Percentiles cannot exceed the reply timeout: later replies are lost, so the ceiling is drawn too.
        var ceiling = report.ReplyTimeoutMilliseconds;
        var timeout = plot.Add.HorizontalLine(ceiling);
        timeout.LinePattern = LinePattern.Dotted;
        timeout.Color = Colors.DarkRed;
        timeout.LegendText = string.Create(CultureInfo.InvariantCulture, $"reply timeout {ceiling / 1000:0.#} s (later = lost)");

        // Lost or failed turns are not in the percentiles, so they are named on the point they belong to;
        // a step with no answered turn at all gets a cross on the timeout line instead of vanishing.
        foreach (var step in all.Where(s => s.TurnsLost > 0 || s.Errors > 0 || s.Latency.Count == 0))
        {
            var y = step.Latency.Count > 0 ? step.Latency.P99 : ceiling;
            if (step.Latency.Count == 0)
            {
                var cross = plot.Add.Marker(step.Concurrency, y);
                cross.Shape = MarkerShape.Eks;
                cross.Size = 12;
                cross.Color = Colors.Crimson;
            }

            var note = plot.Add.Text(
                string.Create(CultureInfo.InvariantCulture, $"{step.TurnsReplied}/{step.TurnsPosted} answered\n{step.TurnsLost} lost, {step.Errors} errors"),
                step.Concurrency,
                y);
            note.LabelFontSize = 11;
            note.LabelFontColor = Colors.Crimson;
            note.LabelAlignment = Alignment.LowerCenter;
            note.OffsetY = -8;
        }

        plot.Title(string.Create(
            CultureInfo.InvariantCulture,
            $"Turn latency vs concurrent conversations ({report.Transport}, think time {report.ThinkTimeMeanMilliseconds / 1000:0.#} s, {report.Machine.ProcessorCount} cores)"));
        plot.XLabel("concurrent conversations");
        plot.YLabel("message posted → first reply (ms)");
        double[] ticks = [.. all.Select(s => (double)s.Concurrency)];
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            ticks,
            [.. all.Select(s => s.Concurrency.ToString(CultureInfo.InvariantCulture))]);
        var highest = steps.Length > 0 ? steps.Max(s => s.Latency.P99) : 0;
        var top = Math.Max(report.TargetP95Milliseconds, Math.Max(highest, all.Length > steps.Length ? ceiling : 0)) * 1.25;
        plot.Axes.SetLimitsY(0, top);

        // Room either side so the first and last points (and their notes) are not cut at the frame.
        if (ticks.Length > 0)
        {
            var span = Math.Max(ticks[^1] - ticks[0], 1);
            plot.Axes.SetLimitsX(ticks[0] - (span * 0.12), ticks[^1] + (span * 0.12));
        }

        plot.ShowLegend(Edge.Bottom);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 900, 540);
    }

    private static void AddSeries(Plot plot, double[] xs, double[] ys, string label, Color color)
    {
        var series = plot.Add.Scatter(xs, ys);
        series.LegendText = label;
        series.Color = color;
        series.LineWidth = 2;
        series.MarkerSize = 7;
    }

    private static void UseInstalledFont()
    {
        var (regular, bold) = FontFiles.FirstOrDefault(pair => File.Exists(pair.Regular));
        if (regular is null)
        {
            return;
        }

        Fonts.AddFontFile("LoadChartSans", regular, bold: false, italic: false);
        if (File.Exists(bold))
        {
            Fonts.AddFontFile("LoadChartSans", bold, bold: true, italic: false);
        }

        Fonts.Default = "LoadChartSans";
    }
}

using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CustomerService.Benchmarks;

/// <summary>Generated tokens per second for generator benchmarks: Streams × TokensPerStream / mean time.</summary>
public sealed class TokensPerSecondColumn : IColumn
{
    public string Id => nameof(TokensPerSecondColumn);

    public string ColumnName => "Tokens/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Generated tokens per second, all streams together";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var streams = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Streams")?.Value;
        var report = summary[benchmarkCase];
        if (streams is not int count || report?.ResultStatistics is not { } statistics)
        {
            return "-";
        }

        var seconds = statistics.Mean / 1e9;
        return (count * GeneratorBenchmarks.TokensPerStream / seconds).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

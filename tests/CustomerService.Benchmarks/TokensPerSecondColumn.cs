using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CustomerService.Benchmarks;

/// <summary>Generated tokens per second for generator benchmarks: Streams × <see cref="GeneratedTokensAttribute"/> / mean time.</summary>
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
        var tokens = benchmarkCase.Descriptor.Type.GetCustomAttributes(typeof(GeneratedTokensAttribute), false)
            .OfType<GeneratedTokensAttribute>().FirstOrDefault();
        var streams = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Streams")?.Value as int? ?? 1;
        if (tokens is null || summary[benchmarkCase]?.ResultStatistics is not { } statistics)
        {
            return "-";
        }

        var seconds = statistics.Mean / 1e9;
        return (streams * tokens.PerStream / seconds).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

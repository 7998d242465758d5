using System.Globalization;
using System.Text;
using CustomerService.Core.Ports;
using CustomerService.Data.Agents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Agents;

/// <summary>The dashboard numbers and the export of misunderstood messages for retraining.</summary>
internal static class AgentDashboardEndpoints
{
    private const int DashboardItems = 50;
    private const int ExportItems = 1000;
    private const int MaxDays = 365;

    public static RouteGroupBuilder MapAgentDashboard(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/dashboard", GetDashboardAsync);
        api.MapGet("/dashboard/misunderstood", ExportMisunderstoodAsync);
        return api;
    }

    private static async Task<Results<Ok<AgentDashboard>, ProblemHttpResult>> GetDashboardAsync(
        int? days,
        IAgentConsoleStore console,
        ITextRedactor redactor,
        IOptions<AgentsOptions> options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (days is < 1 or > MaxDays)
        {
            return AgentProblems.BadRequest("Invalid period", $"days must be between 1 and {MaxDays}.");
        }

        var period = days ?? 7;
        var threshold = options.Value.MisunderstoodBelow;
        var stats = await console.GetDashboardAsync(timeProvider.GetUtcNow().AddDays(-period), (float)threshold, DashboardItems, cancellationToken);
        return TypedResults.Ok(new AgentDashboard(
            stats.Since,
            period,
            stats.Conversations,
            stats.EscalatedConversations,
            stats.ContainmentRate,
            stats.EscalationRate,
            threshold,
            stats.TopIntents,
            [.. stats.Misunderstood.Select(m => AgentViewMapper.ToItem(m, redactor))]));
    }

    private static async Task<Results<FileContentHttpResult, Ok<IReadOnlyList<AgentMisunderstoodItem>>, ProblemHttpResult>> ExportMisunderstoodAsync(
        string? format,
        int? days,
        IAgentConsoleStore console,
        ITextRedactor redactor,
        IOptions<AgentsOptions> options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var csv = format is null || string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return AgentProblems.BadRequest("Unknown format", "format must be csv or json.");
        }

        if (days is < 1 or > MaxDays)
        {
            return AgentProblems.BadRequest("Invalid period", $"days must be between 1 and {MaxDays}.");
        }

        var now = timeProvider.GetUtcNow();
        var stats = await console.GetDashboardAsync(now.AddDays(-(days ?? 30)), (float)options.Value.MisunderstoodBelow, ExportItems, cancellationToken);
        IReadOnlyList<AgentMisunderstoodItem> items = [.. stats.Misunderstood.Select(m => AgentViewMapper.ToItem(m, redactor))];
        if (!csv)
        {
            return TypedResults.Ok(items);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"misunderstood-{now:yyyyMMdd}.csv");
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ToCsv(items))).ToArray(), "text/csv; charset=utf-8", name);
    }

    /// <summary>RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with a quote.</summary>
    internal static string ToCsv(IEnumerable<AgentMisunderstoodItem> items)
    {
        var builder = new StringBuilder("timestamp,conversation_id,activity_id,intent,confidence,text\r\n");
        foreach (var item in items)
        {
            builder.Append(Cell(item.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))).Append(',')
                .Append(Cell(item.ConversationId)).Append(',')
                .Append(Cell(item.ActivityId)).Append(',')
                .Append(Cell(item.Intent)).Append(',')
                .Append(item.Confidence.ToString("0.####", CultureInfo.InvariantCulture)).Append(',')
                .Append(Cell(item.Text)).Append("\r\n");
        }

        return builder.ToString();
    }

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // CSV injection: =, +, -, @, tab and CR start formulas in Excel and LibreOffice.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

using System.ComponentModel.DataAnnotations;

namespace CustomerService.Bot.Telemetry;

/// <summary>The <c>Telemetry</c> section: the Prometheus scrape endpoint. Metrics carry ids and counts only, never customer text.</summary>
internal sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Serve Prometheus metrics. Restrict the path at the reverse proxy if the host is public.</summary>
    public bool Enabled { get; set; } = true;

    [Required]
    [RegularExpression("^/[A-Za-z0-9/_-]{1,64}$", ErrorMessage = "Telemetry:MetricsPath must be a path such as /metrics.")]
    public string MetricsPath { get; set; } = "/metrics";
}

using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Telemetry;

/// <summary>Maps the Prometheus scrape endpoint (<c>Telemetry:MetricsPath</c>, default <c>/metrics</c>).</summary>
internal static class TelemetryEndpoints
{
    public static IEndpointRouteBuilder MapTelemetry(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.Enabled)
        {
            endpoints.MapPrometheusScrapingEndpoint(options.MetricsPath);
        }

        return endpoints;
    }
}

using System.Diagnostics.Metrics;
using CustomerService.Bot.Channels.Slack.WebApi;
using CustomerService.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;

namespace CustomerService.Bot.Telemetry;

/// <summary>
/// DI entry point of the metrics: OpenTelemetry with the <c>CustomerService</c> meter (turns, intents, confidence,
/// escalations, generation speed, channel errors), ASP.NET Core, HttpClient and runtime meters, exported for Prometheus.
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp => new CustomerServiceMetrics(sp.GetService<IMeterFactory>()));
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(CustomerServiceMetrics.MeterName)
            .AddMeter("System.Net.Http")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());

        // First of all startup filters, so the error counter sits outside every other guard and also counts their
        // refusals (oversized bodies, throttled posts), wherever Program.cs calls AddTelemetry.
        if (!services.Any(d => d.ImplementationType == typeof(TelemetryStartupFilter)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, TelemetryStartupFilter>());
        }

        services.TryAddTransient<SlackApiMetricsHandler>();
        services.AddHttpClient(SlackApiClient.HttpClientName).AddHttpMessageHandler<SlackApiMetricsHandler>();
        return services;
    }
}

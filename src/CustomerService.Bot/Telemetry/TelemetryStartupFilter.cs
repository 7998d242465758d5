namespace CustomerService.Bot.Telemetry;

/// <summary>Puts <see cref="ChannelErrorMiddleware"/> in front of the routes, so refusals by other middleware are counted too.</summary>
internal sealed class TelemetryStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<ChannelErrorMiddleware>();
        next(app);
    };
}

namespace CustomerService.Bot.Security;

/// <summary>
/// Puts the guards at the front of the pipeline, ahead of whatever Program.cs maps: headers first (so even a refusal
/// carries them), then the body limit, then the Direct Line throttle.
/// </summary>
internal sealed class SecurityStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseMiddleware<DirectLineThrottleMiddleware>();
        next(app);
    };
}

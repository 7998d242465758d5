using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Security;

/// <summary>
/// Puts the guards at the front of the pipeline, ahead of whatever Program.cs maps: the client address from trusted
/// proxies first (every limit after it counts the customer, not the proxy), then headers (so even a refusal carries
/// them), then the body limit, then the Direct Line throttle.
/// </summary>
internal sealed class SecurityStartupFilter(IOptions<SecurityOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var proxies = options.Value.TrustedProxies;
        if (proxies.Count > 0)
        {
            app.UseForwardedHeaders(TrustedProxyNetworks.ForwardedHeaders(proxies));
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseMiddleware<DirectLineThrottleMiddleware>();
        next(app);
    };
}

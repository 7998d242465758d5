using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Security;

/// <summary>DI entry point of the request guards: security headers, body and JSON-depth limits, Direct Line rate limits.</summary>
internal static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddSecurity(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SecurityOptions>()
            .BindConfiguration(SecurityOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                o => o.TrustedProxies.All(TrustedProxyNetworks.IsValid),
                "Security:TrustedProxies: every entry must be an IP address (10.0.0.5) or a network in CIDR notation (10.0.0.0/8)")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RequestThrottle>();

        // Minimal-API JSON binding (e.g. the chat page's session request) stops at the same depth as our own readers.
        services.AddOptions<JsonOptions>().Configure<IOptions<SecurityOptions>>((json, security) =>
            json.SerializerOptions.MaxDepth = security.Value.MaxJsonDepth);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, SecurityStartupFilter>());
        return services;
    }
}

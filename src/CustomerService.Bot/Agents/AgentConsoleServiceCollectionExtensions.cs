using CustomerService.Core.Ports;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Agents;

/// <summary>DI entry point of the agent console: options, sign-in schemes, the live-update hub.</summary>
internal static class AgentConsoleServiceCollectionExtensions
{
    public static IServiceCollection AddAgentConsole(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AgentsOptions>()
            .BindConfiguration(AgentsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentsOptions>, AgentsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddAntiforgery();

        services.AddSingleton<AgentAccountStore>();
        services.AddSingleton<LoginAttemptStore>();
        services.TryAddSingleton<AgentHandoffActions>();
        services.AddSingleton<AgentEventHub>();
        services.AddSingleton<IAgentNotifier>(sp => sp.GetRequiredService<AgentEventHub>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAgentRelay, AgentPageRelay>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, AgentSecurityHeadersStartupFilter>());

        services.AddAuthentication()
            .AddPolicyScheme(AgentAuthenticationDefaults.Scheme, "Agent console", options =>
                options.ForwardDefaultSelector = context => context.Request.Headers.ContainsKey(AgentAuthenticationDefaults.ApiKeyHeader)
                    ? AgentAuthenticationDefaults.ApiKeyScheme
                    : AgentAuthenticationDefaults.CookieScheme)
            .AddCookie(AgentAuthenticationDefaults.CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AgentAuthenticationDefaults.ApiKeyScheme, null);
        services.AddOptions<CookieAuthenticationOptions>(AgentAuthenticationDefaults.CookieScheme)
            .Configure<IOptions<AgentsOptions>, TimeProvider>(ConfigureCookie);
        services.AddOptions<AuthenticationSchemeOptions>(AgentAuthenticationDefaults.ApiKeyScheme)
            .Configure<TimeProvider>((options, timeProvider) => options.TimeProvider = timeProvider);

        services.AddAuthorizationBuilder()
            .AddPolicy(AgentAuthenticationDefaults.Policy, policy => policy
                .AddAuthenticationSchemes(AgentAuthenticationDefaults.Scheme)
                .RequireAuthenticatedUser());
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options, IOptions<AgentsOptions> agents, TimeProvider timeProvider)
    {
        options.TimeProvider = timeProvider;
        options.Cookie.Name = AgentAuthenticationDefaults.CookieName;
        options.Cookie.HttpOnly = true;

        // Strict: the cookie never rides on a request started by another site, on top of the antiforgery check.
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = "/";
        options.ExpireTimeSpan = agents.Value.SessionLifetime;
        options.SlidingExpiration = true;
        options.LoginPath = AgentAuthenticationDefaults.LoginPath;
        options.ReturnUrlParameter = "returnUrl";
        options.Events = new CookieAuthenticationEvents
        {
            // The API answers with ProblemDetails; only the page itself is redirected to the sign-in form.
            OnRedirectToLogin = context => context.Request.Path.StartsWithSegments(AgentAuthenticationDefaults.ApiPrefix, StringComparison.OrdinalIgnoreCase)
                ? AgentProblems.Unauthorized().ExecuteAsync(context.HttpContext)
                : RedirectToLogin(context),
            OnRedirectToAccessDenied = context => AgentProblems.Forbidden().ExecuteAsync(context.HttpContext),
        };
    }

    private static Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

using CustomerService.Bot.Workers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Admin;

/// <summary>DI entry point of the admin API (its key scheme and policy) and the retention job.</summary>
internal static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AdminApiKeyAuthenticationHandler>(AdminAuthenticationDefaults.Scheme, null);
        services.AddOptions<AuthenticationSchemeOptions>(AdminAuthenticationDefaults.Scheme)
            .Configure<TimeProvider>((options, timeProvider) => options.TimeProvider = timeProvider);

        // Only the admin scheme counts here: an agent's cookie or key never opens the admin API.
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminAuthenticationDefaults.Policy, policy => policy
                .AddAuthenticationSchemes(AdminAuthenticationDefaults.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(AdminAuthenticationDefaults.AdminClaim));

        services.AddHostedService<RetentionWorker>();
        return services;
    }
}

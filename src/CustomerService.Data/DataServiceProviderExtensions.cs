using CustomerService.Data.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Data;

/// <summary>Runs the data layer's start-up work where no host runs the hosted services (console chat, tools, tests).</summary>
public static class DataServiceProviderExtensions
{
    /// <summary>Applies pending migrations and seeds the demo data, as <see cref="DatabaseOptions"/> says; idempotent.</summary>
    public static Task InitializeDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
    }
}

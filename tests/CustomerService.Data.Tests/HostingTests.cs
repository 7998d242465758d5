using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CustomerService.Data.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task HostedServices_StartOnEmptyFile_MigrateAndSeed()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cs-data-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = $"Data Source={Path.Combine(directory, "host.db")}",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddData(configuration);
        try
        {
            await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

            foreach (var hosted in provider.GetServices<IHostedService>())
            {
                await hosted.StartAsync(CancellationToken.None);
            }

            await using var db = provider.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(3, await db.Customers.CountAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task HealthCheck_MigratedDatabase_IsHealthy()
    {
        await using var host = await DataTestHost.StartAsync();

        var result = await host.Services.GetRequiredService<DatabaseHealthCheck>().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task HealthCheck_UnopenableDatabase_IsUnhealthy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = "Data Source=/nonexistent-dir/for-sure/x.db;Mode=ReadOnly",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddData(configuration);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<DatabaseHealthCheck>().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }
}

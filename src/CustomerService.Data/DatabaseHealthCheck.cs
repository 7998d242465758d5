using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerService.Data;

/// <summary>Readiness: the database answers a query. Register with <c>AddCheck&lt;DatabaseHealthCheck&gt;("database")</c>.</summary>
public sealed class DatabaseHealthCheck : IHealthCheck
{
    private readonly IDbContextFactory<CustomerServiceDbContext> _contextFactory;

    internal DatabaseHealthCheck(IDbContextFactory<CustomerServiceDbContext> contextFactory) => _contextFactory = contextFactory;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
    }
}

using CustomerService.Core.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerService.Bot.Health;

/// <summary>
/// Ready when the database answers a real query on the activity table (so it exists, i.e. migrations ran).
/// It goes through the transcript port because the Data project keeps its DbContext internal.
/// </summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopeFactory) : IHealthCheck
{
    private const string ProbeConversationId = "readiness-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ITranscriptStore>().ReadAsync(ProbeConversationId, 0, 1, cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A health check is a boundary: the failure is the answer, logged by the health check service.
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}

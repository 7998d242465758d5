using CustomerService.Nlu;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerService.Bot.Health;

/// <summary>Ready once the NLU models are loaded and answered their warm-up inference.</summary>
internal sealed class NluReadinessHealthCheck(NluReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy($"Models are warm ({readiness.Device}).")
            : HealthCheckResult.Unhealthy(readiness.FailureReason is null ? "Models are warming up." : $"Model warm-up failed: {readiness.FailureReason}"));
}

using CustomerService.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomerService.Data.Slack;

/// <summary>Dedupe on the primary key: one INSERT … ON CONFLICT DO NOTHING decides, atomically, who saw it first.</summary>
internal sealed class ProcessedEventStore(
    IDbContextFactory<CustomerServiceDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<ProcessedEventStore> logger) : IProcessedEventStore
{
    public async Task<bool> TryMarkProcessedAsync(string eventId, CancellationToken cancellationToken)
    {
        InputGuard.Id(eventId, DataLimits.MaxEventIdLength, nameof(eventId));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var receivedAt = timeProvider.GetUtcNow().UtcTicks;

        // Interpolated values become parameters (ExecuteSqlAsync takes a FormattableString).
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO ProcessedSlackEvents (EventId, ReceivedAt) VALUES ({eventId}, {receivedAt}) ON CONFLICT (EventId) DO NOTHING",
            cancellationToken);
        if (inserted == 0)
        {
            Log.SlackEventDuplicate(logger, eventId);
        }

        return inserted == 1;
    }

    public async Task<bool> ForgetAsync(string eventId, CancellationToken cancellationToken)
    {
        InputGuard.Id(eventId, DataLimits.MaxEventIdLength, nameof(eventId));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProcessedSlackEvents.Where(e => e.EventId == eventId).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    public async Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ProcessedSlackEvents.Where(e => e.ReceivedAt < olderThan).ExecuteDeleteAsync(cancellationToken);
    }
}

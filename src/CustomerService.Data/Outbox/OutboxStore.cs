using CustomerService.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Data.Outbox;

/// <summary>Outbox delivery bookkeeping on short-lived contexts, safe to call from any number of workers.</summary>
internal sealed class OutboxStore(
    IDbContextFactory<CustomerServiceDbContext> contextFactory,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxStore> logger) : IOutboxReader
{
    private const int MaxErrorCodeLength = 128;
    private const int MaxClaim = 100;

    public async Task<int> ResetInProgressAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var count = await db.OutboxMessages
            .Where(m => m.State == OutboxState.InProgress)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxState.Pending)
                    .SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.UpdatedAt, now),
                cancellationToken);
        if (count > 0)
        {
            Log.OutboxReset(logger, count);
        }

        return count;
    }

    public async Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();

        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) takes the write lock first, so select-then-update
        // is atomic: a second claimer waits and then sees these rows InProgress.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.OutboxMessages
            .Where(m => (m.State == OutboxState.Pending || m.State == OutboxState.Failed)
                && m.NextAttemptAt != null
                && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .ThenBy(m => m.CreatedAt)
            .Take(Math.Min(maxCount, MaxClaim))
            .ToListAsync(cancellationToken);
        foreach (var message in due)
        {
            message.State = OutboxState.InProgress;
            message.Attempts++;
            message.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (due.Count > 0)
        {
            Log.OutboxClaimed(logger, due.Count);
        }

        return due.ConvertAll(m => new OutboxEntry(m.Id, m.Type, m.PayloadJson, m.Attempts, m.CreatedAt));
    }

    public async Task MarkDispatchedAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var count = await db.OutboxMessages
            .Where(m => m.Id == id && m.State == OutboxState.InProgress)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxState.Dispatched)
                    .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null)
                    .SetProperty(m => m.DispatchedAt, now)
                    .SetProperty(m => m.LastErrorCode, (string?)null)
                    .SetProperty(m => m.UpdatedAt, now),
                cancellationToken);
        if (count == 0)
        {
            Log.OutboxOutcomeIgnored(logger, id, nameof(OutboxState.Dispatched));
        }
    }

    public async Task<DateTimeOffset?> MarkFailedAsync(Guid id, string errorCode, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        var code = errorCode.Length <= MaxErrorCodeLength ? errorCode : errorCode[..MaxErrorCodeLength];

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null || message.State != OutboxState.InProgress)
        {
            Log.OutboxOutcomeIgnored(logger, id, nameof(OutboxState.Failed));
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var settings = options.Value;
        message.State = OutboxState.Failed;
        message.LastErrorCode = code;
        message.UpdatedAt = now;
        if (message.Attempts >= settings.MaxAttempts)
        {
            message.NextAttemptAt = null;
            await db.SaveChangesAsync(cancellationToken);
            Log.OutboxGivenUp(logger, message.Id, message.Type, message.Attempts, code);
            return null;
        }

        message.NextAttemptAt = now + RetryDelay(message.Attempts, retryAfter, settings);
        await db.SaveChangesAsync(cancellationToken);
        Log.OutboxRetryScheduled(logger, message.Id, message.Type, message.Attempts, code, message.NextAttemptAt.Value);
        return message.NextAttemptAt;
    }

    public async Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.OutboxMessages
            .Where(m => (m.State == OutboxState.Pending || m.State == OutboxState.Failed) && m.NextAttemptAt != null)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.NextAttemptAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Base × 2^(attempts−1), capped; a server's Retry-After wins when given (also capped).</summary>
    internal static TimeSpan RetryDelay(int attempts, TimeSpan? retryAfter, OutboxOptions settings)
    {
        if (retryAfter is { } requested && requested > TimeSpan.Zero)
        {
            return requested < settings.MaxRetryDelay ? requested : settings.MaxRetryDelay;
        }

        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = settings.BaseRetryDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= settings.MaxRetryDelay.Ticks ? settings.MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }
}

namespace CustomerService.Data.Outbox;

/// <summary>
/// The delivery side of the outbox, for the worker. A row is claimed (Pending or due Failed → InProgress),
/// delivered, then marked Dispatched, or Failed with exponential backoff until <see cref="OutboxOptions.MaxAttempts"/>.
/// </summary>
public interface IOutboxReader
{
    /// <summary>Moves rows a crashed run left InProgress back to Pending; call once when the worker starts.</summary>
    /// <returns>How many rows were reset.</returns>
    Task<int> ResetInProgressAsync(CancellationToken cancellationToken);

    /// <summary>Atomically claims up to <paramref name="maxCount"/> due rows, oldest first; two workers never get the same row.</summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(int maxCount, CancellationToken cancellationToken);

    /// <summary>Marks a claimed row delivered.</summary>
    Task MarkDispatchedAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a claimed row failed. It is retried after <paramref name="retryAfter"/> when the server gave one
    /// (Slack's Retry-After), else after the exponential backoff; both capped at <see cref="OutboxOptions.MaxRetryDelay"/>.
    /// </summary>
    /// <param name="id">The claimed row.</param>
    /// <param name="errorCode">A short machine code (e.g. <c>http_429</c>, <c>channel_not_found</c>); never customer text.</param>
    /// <param name="retryAfter">The server's requested delay, if any.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>When the row is next due, or null when it was given up.</returns>
    Task<DateTimeOffset?> MarkFailedAsync(Guid id, string errorCode, TimeSpan? retryAfter, CancellationToken cancellationToken);

    /// <summary>When the earliest Pending or Failed row becomes due, or null if none waits; lets the worker sleep until then.</summary>
    Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken);
}

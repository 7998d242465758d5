namespace CustomerService.Data.Slack;

/// <summary>Persistent dedupe of Slack Events API deliveries by <c>event_id</c>, so retries and restarts never run an event twice.</summary>
public interface IProcessedEventStore
{
    /// <summary>Records the event id; true the first time it is seen, false for every later delivery.</summary>
    Task<bool> TryMarkProcessedAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets one id, so Slack's next retry of that event is processed: for a delivery that was marked but
    /// could not be taken in (e.g. the turn queue was full).
    /// </summary>
    /// <returns>False when the id was not recorded.</returns>
    Task<bool> ForgetAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Forgets ids received before <paramref name="olderThan"/> (Slack retries for minutes, not days).</summary>
    /// <returns>How many were removed.</returns>
    Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}

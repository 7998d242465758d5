namespace CustomerService.Core.Ports;

/// <summary>The turn's unit of work: one SQLite transaction for transcript, state, facts and outbox rows.</summary>
public interface ITurnTransaction
{
    /// <summary>Commits everything the turn staged; returns the staged outbound activities with ids and sequences assigned.</summary>
    Task<IReadOnlyList<StoredActivity>> CommitAsync(CancellationToken cancellationToken);
}

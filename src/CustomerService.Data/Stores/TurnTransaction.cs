using CustomerService.Core.Ports;
using CustomerService.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomerService.Data.Stores;

/// <summary>
/// Commits a turn: staged outbound activities, conversation state, profile facts, annotations and outbox rows
/// in one SQLite transaction, so an escalation is never recorded without its transcript or the reverse.
/// </summary>
internal sealed class TurnTransaction(
    CustomerServiceDbContext db,
    TurnStaging staging,
    ConversationLocks locks,
    TimeProvider timeProvider,
    ILogger<TurnTransaction> logger) : ITurnTransaction
{
    public async Task<IReadOnlyList<StoredActivity>> CommitAsync(CancellationToken cancellationToken)
    {
        var staged = staging.Activities.ToArray();
        if (staged.Length == 0 && !db.ChangeTracker.HasChanges())
        {
            return [];
        }

        // Held only around sequence assignment and the save, so inbound appends wait milliseconds, not a turn.
        using var held = await locks.AcquireAsync(
            staged.Select(s => ConversationProvisioner.ConversationKey(s.ConversationId)),
            cancellationToken);

        var added = new List<ActivityRecord>(staged.Length);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = timeProvider.GetUtcNow();
            var results = new StoredActivity[staged.Length];
            foreach (var group in staged.Select((s, index) => (s, index)).GroupBy(x => x.s.ConversationId, StringComparer.Ordinal))
            {
                var items = group.ToArray();
                var first = await SequenceAllocator.ReserveAsync(db, group.Key, items.Length, now, cancellationToken);
                for (var i = 0; i < items.Length; i++)
                {
                    var (record, stored) = ActivityRecordMapper.Assign(group.Key, first + i, items[i].s.Activity, now);
                    db.Activities.Add(record);
                    added.Add(record);
                    results[items[i].index] = stored;
                }
            }

            // Changes are accepted only after the commit, so a failed commit leaves them staged, not lost.
            var changes = await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.AcceptAllChanges();
            staging.Clear();
            Log.TurnCommitted(logger, staged.Length, changes);
            return results;
        }
        catch
        {
            // The transaction rolled back; forget the rows it tried to add so a retry assigns fresh sequences.
            foreach (var record in added)
            {
                db.Entry(record).State = EntityState.Detached;
            }

            throw;
        }
    }
}

using CustomerService.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Data.Stores;

/// <summary>Reserves activity sequences from the conversation's counter inside the caller's write transaction.</summary>
internal static class SequenceAllocator
{
    /// <summary>Advances the counter by <paramref name="count"/> and returns the first reserved sequence.</summary>
    public static async Task<long> ReserveAsync(CustomerServiceDbContext db, string conversationId, int count, DateTimeOffset now, CancellationToken cancellationToken) =>
        await TryReserveAsync(db, conversationId, count, now, cancellationToken)
        ?? throw new InvalidOperationException($"Conversation '{conversationId}' does not exist; load it before storing activities.");

    /// <summary>As <see cref="ReserveAsync"/>, or null when the conversation does not exist.</summary>
    public static async Task<long?> TryReserveAsync(CustomerServiceDbContext db, string conversationId, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A targeted UPDATE (not change tracking) so the counter cannot be overwritten by a stale
        // tracked copy, and so the write lock is taken before the read below.
        var updated = await db.Conversations
            .Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(c => c.NextSequence, c => c.NextSequence + count)
                    .SetProperty(c => c.LastActivityAt, now),
                cancellationToken);
        if (updated == 0)
        {
            return null;
        }

        var next = await db.Conversations
            .Where(c => c.Id == conversationId)
            .Select(c => c.NextSequence)
            .SingleAsync(cancellationToken);
        return next - count;
    }
}

namespace CustomerService.Core.Turns;

/// <summary>
/// One async lock per conversation id, so a turn and an agent's claim or reply never interleave on the same
/// state. In-process only: replicas behind a shared database need the store's own compare-and-set.
/// </summary>
internal sealed class ConversationLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async ValueTask<ConversationLease> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationId, out entry!))
            {
                entry = new Entry();
                _entries.Add(conversationId, entry);
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Leave(conversationId, entry);
            throw;
        }

        return new ConversationLease(() =>
        {
            entry.Gate.Release();
            Leave(conversationId, entry);
        });
    }

    /// <summary>Conversations with a holder or waiter (for tests and diagnostics).</summary>
    public int ActiveCount
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    private void Leave(string conversationId, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(conversationId);
                entry.Gate.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }
}

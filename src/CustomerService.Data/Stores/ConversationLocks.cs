namespace CustomerService.Data.Stores;

/// <summary>
/// Process-wide async locks keyed by conversation (or identity). They keep sequence assignment and
/// first-sight creation from racing inside one process; the unique indexes are the backstop across processes.
/// </summary>
internal sealed class ConversationLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Takes the locks of all keys, in ordinal order so two callers never deadlock.</summary>
    public async Task<IDisposable> AcquireAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var ordered = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var held = new List<IDisposable>(ordered.Length);
        try
        {
            foreach (var key in ordered)
            {
                held.Add(await AcquireAsync(key, cancellationToken));
            }
        }
        catch
        {
            foreach (var releaser in held)
            {
                releaser.Dispose();
            }

            throw;
        }

        return new MultiReleaser(held);
    }

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.References++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Forget(key, entry);
            throw;
        }

        return new Releaser(this, key, entry);
    }

    private void Forget(string key, Entry entry)
    {
        lock (_entries)
        {
            // Entries live only while someone holds or waits for them, so the map stays small.
            if (--entry.References == 0)
            {
                _entries.Remove(key);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int References { get; set; }
    }

    private sealed class Releaser : IDisposable
    {
        private readonly ConversationLocks _owner;
        private readonly string _key;
        private readonly Entry _entry;
        private int _released;

        public Releaser(ConversationLocks owner, string key, Entry entry)
        {
            _owner = owner;
            _key = key;
            _entry = entry;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _entry.Semaphore.Release();
                _owner.Forget(_key, _entry);
            }
        }
    }

    private sealed class MultiReleaser(List<IDisposable> releasers) : IDisposable
    {
        public void Dispose()
        {
            for (var i = releasers.Count - 1; i >= 0; i--)
            {
                releasers[i].Dispose();
            }
        }
    }
}

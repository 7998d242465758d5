using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Agents;

/// <summary>
/// Counts failed sign-ins per user name and per client address, and refuses sign-in for
/// <see cref="AgentsOptions.LockoutDuration"/> after <see cref="AgentsOptions.MaxFailedLogins"/> failures.
/// In memory on purpose: a restart forgets counters, which costs an attacker a restart they cannot cause.
/// </summary>
internal sealed class LoginAttemptStore(IOptionsMonitor<AgentsOptions> options, TimeProvider timeProvider)
{
    // Bounds memory when someone sprays names from many addresses; expired entries are pruned first.
    private const int MaxEntries = 10_000;

    private readonly Dictionary<string, Attempts> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long sign-in stays refused for this name or address; <see cref="TimeSpan.Zero"/> when allowed.</summary>
    public TimeSpan GetRetryAfter(string userName, string? address)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            var wait = TimeSpan.Zero;
            foreach (var key in Keys(userName, address))
            {
                if (_entries.TryGetValue(key, out var entry) && entry.LockedUntil > now && entry.LockedUntil - now > wait)
                {
                    wait = entry.LockedUntil - now;
                }
            }

            return wait;
        }
    }

    public void RecordFailure(string userName, string? address)
    {
        var settings = options.CurrentValue;
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (_entries.Count >= MaxEntries)
            {
                Prune(now, settings.LockoutDuration);
            }

            foreach (var key in Keys(userName, address))
            {
                var entry = _entries.TryGetValue(key, out var existing) && now - existing.FirstFailure < settings.LockoutDuration
                    ? existing
                    : new Attempts(now, 0, DateTimeOffset.MinValue);
                var failures = entry.Failures + 1;
                var lockedUntil = failures >= settings.MaxFailedLogins ? now + settings.LockoutDuration : entry.LockedUntil;
                _entries[key] = new Attempts(entry.FirstFailure, failures, lockedUntil);
            }
        }
    }

    /// <summary>Clears the user name's counter; the address keeps its count so one good account cannot launder a spray.</summary>
    public void RecordSuccess(string userName)
    {
        lock (_lock)
        {
            _entries.Remove(UserKey(userName));
        }
    }

    private void Prune(DateTimeOffset now, TimeSpan window)
    {
        foreach (var (key, entry) in _entries.ToList())
        {
            if (entry.LockedUntil <= now && now - entry.FirstFailure >= window)
            {
                _entries.Remove(key);
            }
        }

        // Still full: every entry is live, so drop the oldest rather than grow without bound.
        if (_entries.Count >= MaxEntries)
        {
            foreach (var key in _entries.OrderBy(e => e.Value.FirstFailure).Take(_entries.Count - MaxEntries + 1).Select(e => e.Key).ToList())
            {
                _entries.Remove(key);
            }
        }
    }

    private static IEnumerable<string> Keys(string userName, string? address)
    {
        yield return UserKey(userName);
        if (!string.IsNullOrEmpty(address))
        {
            yield return "a:" + address;
        }
    }

    private static string UserKey(string userName) => "u:" + userName.ToUpperInvariant();

    private sealed record Attempts(DateTimeOffset FirstFailure, int Failures, DateTimeOffset LockedUntil);
}

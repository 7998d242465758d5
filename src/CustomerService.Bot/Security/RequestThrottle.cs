using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Security;

/// <summary>
/// Token buckets per key (a conversation, a client address) on the injected clock. A request that finds the bucket
/// empty reserves the next token and is told how long to wait for it, so a client that sends too fast is slowed to
/// the sustained rate instead of being refused; only a wait longer than the caller's limit is "over the limit".
/// </summary>
internal sealed class RequestThrottle(TimeProvider timeProvider, IOptions<SecurityOptions> options)
{
    private const int SweepEvery = 4096;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private int _sinceSweep;

    public int TrackedKeys => _buckets.Count;

    public ThrottleDecision Acquire(string key, ThrottleRate rate, TimeSpan maxDelay)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = timeProvider.GetUtcNow();
        if (Interlocked.Increment(ref _sinceSweep) >= SweepEvery || _buckets.Count >= options.Value.MaxTrackedClients)
        {
            Sweep(now);
        }

        if (!_buckets.TryGetValue(key, out var bucket))
        {
            if (_buckets.Count >= options.Value.MaxTrackedClients)
            {
                // Every tracked client is active: a flood of fresh keys is the reverse proxy's job, not worth evicting busy ones.
                return ThrottleDecision.Now;
            }

            bucket = _buckets.GetOrAdd(key, _ => new Bucket(rate.Burst, now));
        }

        return bucket.Take(rate, now, maxDelay);
    }

    private void Sweep(DateTimeOffset now)
    {
        Interlocked.Exchange(ref _sinceSweep, 0);
        foreach (var (key, bucket) in _buckets)
        {
            // A bucket idle long enough to be full again says nothing a new bucket would not.
            if (bucket.IsIdleSince(now))
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset updated)
    {
        private readonly Lock _gate = new();
        private double _tokens = tokens;
        private DateTimeOffset _updated = updated;
        private TimeSpan _refillTime = TimeSpan.Zero;

        public ThrottleDecision Take(ThrottleRate rate, DateTimeOffset now, TimeSpan maxDelay)
        {
            lock (_gate)
            {
                var elapsed = (now - _updated).TotalSeconds;
                if (elapsed > 0)
                {
                    _tokens = Math.Min(rate.Burst, _tokens + (elapsed * rate.PerSecond));
                    _updated = now;
                }

                _refillTime = TimeSpan.FromSeconds(rate.Burst / rate.PerSecond);
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return ThrottleDecision.Now;
                }

                var wait = TimeSpan.FromSeconds((1 - _tokens) / rate.PerSecond);
                if (wait > maxDelay)
                {
                    return new ThrottleDecision(wait, OverLimit: true);
                }

                // Reserve the token now (the balance goes negative), so concurrent callers queue behind each other.
                _tokens -= 1;
                return new ThrottleDecision(wait, OverLimit: false);
            }
        }

        public bool IsIdleSince(DateTimeOffset now)
        {
            lock (_gate)
            {
                return now - _updated >= _refillTime;
            }
        }
    }
}

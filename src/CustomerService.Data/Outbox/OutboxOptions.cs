using System.ComponentModel.DataAnnotations;

namespace CustomerService.Data.Outbox;

/// <summary>Retry policy of outbox delivery: exponential backoff from BaseRetryDelay, capped at MaxRetryDelay.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Attempts before a row is given up (stays Failed with no next attempt).</summary>
    [Range(1, 10_000)]
    public int MaxAttempts { get; set; } = 50;

    /// <summary>Delay after the first failure; doubles with each further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound of the backoff, and of a server's Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}

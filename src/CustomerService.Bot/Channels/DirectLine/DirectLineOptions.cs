using System.ComponentModel.DataAnnotations;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Settings of the Direct Line 3.0 channel (section <c>DirectLine</c>). Secrets come from environment variables.</summary>
public sealed class DirectLineOptions : IValidatableObject
{
    public const string SectionName = "DirectLine";

    /// <summary>Environment variable that carries <see cref="Secret"/>.</summary>
    public const string SecretVariable = "DirectLine__Secret";

    public bool Enabled { get; set; } = true;

    /// <summary>The master key a page's backend uses for <c>tokens/generate</c>; never sent to a browser.</summary>
    public string? Secret { get; set; }

    /// <summary>HMAC-SHA256 key for tokens (at least 32 characters). Absent: a random key per process, so tokens die with it.</summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>How long a conversation token lives. DLJS refreshes every 15 minutes, so it must outlive that.</summary>
    [Range(typeof(TimeSpan), "00:16:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a <c>streamUrl</c> may wait before its socket opens (Direct Line: 60 s).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:10:00")]
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest activity accepted, in characters of its JSON (the hosted service's limit is 300,000).</summary>
    [Range(1_000, 1_000_000)]
    public int MaxActivityCharacters { get; set; } = 300_000;

    /// <summary>Most activities returned by one <c>GET .../activities</c>; clients page until the set is empty.</summary>
    [Range(1, 1_000)]
    public int MaxActivitiesPerPage { get; set; } = 100;

    /// <summary>Longest a poll may wait on the store before it answers an empty set (DLJS gives up at 20 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:15")]
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval of the empty-string keep-alive frames on the WebSocket.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Frames one socket may have queued before it is closed (the client reconnects and replays from its watermark).</summary>
    [Range(16, 10_000)]
    public int MaxQueuedFrames { get; set; } = 512;

    /// <summary>Origins allowed to call the REST API from a browser; empty allows any (bearer auth, no cookies).</summary>
    public IReadOnlyList<string> AllowedOrigins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Secret) || Secret.Length < 16)
        {
            yield return new ValidationResult(
                $"The Direct Line channel is enabled but has no secret of at least 16 characters: set the environment variable {SecretVariable} (or DirectLine:Enabled=false).",
                [nameof(Secret)]);
        }

        if (TokenSigningKey is { Length: < 32 })
        {
            yield return new ValidationResult(
                "DirectLine:TokenSigningKey must have at least 32 characters (set DirectLine__TokenSigningKey), or be left out to use a per-process key.",
                [nameof(TokenSigningKey)]);
        }
    }
}

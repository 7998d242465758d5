using System.ComponentModel.DataAnnotations;

namespace CustomerService.Bot.Channels.Slack;

/// <summary>
/// The <c>Slack</c> section. Secrets (<see cref="SigningSecret"/>, <see cref="BotToken"/>, <see cref="AppToken"/>)
/// are bound from the same section but must come from the environment (<c>Slack__SigningSecret</c> …), never appsettings.json.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Turns the Slack channel (events, interactivity, cards) on.</summary>
    public bool Enabled { get; set; }

    /// <summary>Channel id (<c>C…</c>) where escalation cards are posted; empty = agent page only.</summary>
    [MaxLength(64)]
    public string? EscalationChannel { get; set; }

    /// <summary>Slack Web API root; tests point it at a fake. Must end with a slash.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Replay window for signed requests, applied in both directions (slack.md §1).</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:15:00")]
    public TimeSpan MaxRequestAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An agent's thread reply starting with this text stays in Slack (an internal note).</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(32)]
    public string InternalNotePrefix { get; set; } = "!note";

    /// <summary>Receive events over a WebSocket (no public URL needed) instead of HTTP.</summary>
    public bool SocketMode { get; set; }

    /// <summary>Public root of this host, for the card's agent page link (<c>/agent/conversations/{id}</c>).</summary>
    public Uri? AgentPageBaseUrl { get; set; }

    /// <summary>Largest inbound request body accepted, in bytes.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Capacity of the queue between the webhook (or socket) and <c>SlackTurnWorker</c>.</summary>
    [Range(1, 100_000)]
    public int TurnQueueCapacity { get; set; } = 512;

    /// <summary>How long delivered event ids are remembered; Slack retries for minutes, so at least 10 minutes (slack.md §2.3).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan ProcessedEventRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many transcript lines the escalation card shows.</summary>
    [Range(1, 20)]
    public int CardRecentMessages { get; set; } = 6;

    /// <summary>Retries of one Web API call (429, 5xx, network) before the caller sees the failure.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First backoff delay when Slack sends no <c>Retry-After</c>; grows exponentially with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time budget for one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest Socket Mode reconnect backoff.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SocketMaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Signing secret (env <c>Slack__SigningSecret</c>); required for HTTP mode.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Bot token <c>xoxb-…</c> (env <c>Slack__BotToken</c>).</summary>
    public string? BotToken { get; set; }

    /// <summary>App-level token <c>xapp-…</c> (env <c>Slack__AppToken</c>); required for Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>True when escalation cards can be posted.</summary>
    public bool PostsCards => Enabled && !string.IsNullOrWhiteSpace(EscalationChannel) && !string.IsNullOrWhiteSpace(BotToken);
}

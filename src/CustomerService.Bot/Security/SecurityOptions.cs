using System.ComponentModel.DataAnnotations;

namespace CustomerService.Bot.Security;

/// <summary>
/// The <c>Security</c> section: request size and JSON depth limits for every route, and the Direct Line rate
/// limits. Over a limit, polls and starts are slowed down and never refused (directline.md §7); only posts are
/// refused. Behind a reverse proxy, enable forwarded headers so the address limit sees clients, not the proxy.
/// </summary>
internal sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Largest request body any route accepts, in bytes; routes may set lower limits of their own.</summary>
    /// <remarks>Must hold a Direct Line activity at its 300,000-character limit (up to 900,000 bytes of UTF-8).</remarks>
    [Range(64 * 1024, 16 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Deepest JSON nesting the host's JSON binding accepts.</summary>
    [Range(4, 64)]
    public int MaxJsonDepth { get; set; } = 32;

    /// <summary>Activities one conversation may post per minute, sustained: far above any typist, far below a script.</summary>
    [Range(1, 10_000)]
    public int ConversationMessagesPerMinute { get; set; } = 120;

    /// <summary>Activities one conversation may post at once before the sustained rate applies.</summary>
    [Range(1, 1_000)]
    public int ConversationBurst { get; set; } = 60;

    /// <summary>Direct Line requests (polls, posts, starts) one client address may make per minute, sustained.</summary>
    /// <remarks>Web Chat polls once a second per open chat; many customers can share one address behind NAT.</remarks>
    [Range(1, 1_000_000)]
    public int AddressRequestsPerMinute { get; set; } = 6_000;

    /// <summary>Requests one address may make at once before the sustained rate applies.</summary>
    [Range(1, 100_000)]
    public int AddressBurst { get; set; } = 1_000;

    /// <summary>Longest a poll, start or reconnect is held to slow its client down; far below Web Chat's 20-second request timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan MaxThrottleDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Conversations and addresses tracked at once; idle ones are forgotten first.</summary>
    [Range(100, 10_000_000)]
    public int MaxTrackedClients { get; set; } = 100_000;

    /// <summary>
    /// Reverse proxies (addresses like <c>10.0.0.5</c> or networks like <c>10.0.0.0/8</c>) whose
    /// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> the host believes. Empty (the default): the headers are
    /// ignored and every limit counts the connecting address, so behind a proxy all customers would share one
    /// address budget; listing the proxy makes each customer's own address count. Never list addresses clients
    /// can connect from directly: they could then claim any address.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];
}

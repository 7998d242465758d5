using System.ComponentModel.DataAnnotations;

namespace CustomerService.Bot.Agents;

/// <summary>
/// The agent console: who may sign in and how long sessions last. Credentials come from the environment
/// (<c>Agents__Users__0__UserName</c>, <c>Agents__Users__0__PasswordHash</c>, <c>Agents__ApiKeys__0__KeyHash</c>),
/// never from committed files; only hashes are ever configured.
/// </summary>
internal sealed class AgentsOptions
{
    public const string SectionName = "Agents";

    /// <summary>Agents who sign in to <c>/agent</c> with a password.</summary>
    public IList<AgentUserOptions> Users { get; init; } = [];

    /// <summary>Keys for automation on <c>/api/agent/*</c>, sent in the <c>X-Api-Key</c> header.</summary>
    public IList<AgentApiKeyOptions> ApiKeys { get; init; } = [];

    /// <summary>Idle lifetime of a signed-in session (sliding).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Failed sign-ins (per user name and per client address) before sign-in is refused for <see cref="LockoutDuration"/>.</summary>
    [Range(1, 100)]
    public int MaxFailedLogins { get; init; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest agent reply, in characters (UTF-16 code units); Core's handoff service accepts at most 4,000.</summary>
    [Range(1, 4_000)]
    public int MaxReplyLength { get; init; } = 4_000;

    /// <summary>Confidence (0–1) under which a customer message is listed as misunderstood on the dashboard.</summary>
    [Range(0.0, 1.0)]
    public double MisunderstoodBelow { get; init; } = 0.5;

    /// <summary>How often the live-update stream sends a keep-alive so proxies keep it open.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan LiveUpdateKeepAlive { get; init; } = TimeSpan.FromSeconds(15);
}

namespace CustomerService.Bot.Agents;

/// <summary>Names of the agent console's authentication schemes, policy and claims.</summary>
internal static class AgentAuthenticationDefaults
{
    /// <summary>Picks <see cref="ApiKeyScheme"/> when the request carries <see cref="ApiKeyHeader"/>, else <see cref="CookieScheme"/>.</summary>
    public const string Scheme = "Agent";

    public const string CookieScheme = "Agent.Cookie";

    public const string ApiKeyScheme = "Agent.ApiKey";

    public const string Policy = "AgentConsole";

    public const string ApiKeyHeader = "X-Api-Key";

    public const string CookieName = "cs_agent";

    public const string DisplayNameClaim = "cs:display_name";

    public const string LoginPath = "/agent/login";

    public const string ApiPrefix = "/api/agent";

    public const string PagePrefix = "/agent";
}

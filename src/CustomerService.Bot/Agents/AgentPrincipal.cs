using System.Security.Claims;

namespace CustomerService.Bot.Agents;

/// <summary>Builds and reads the claims principal that stands for an <see cref="AgentIdentity"/>.</summary>
internal static class AgentPrincipal
{
    public static ClaimsPrincipal Create(AgentIdentity agent, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, agent.Name),
                new Claim(ClaimTypes.Name, agent.Name),
                new Claim(AgentAuthenticationDefaults.DisplayNameClaim, agent.DisplayName),
            ],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The acting agent; endpoints run behind the agent policy, so a missing name is a wiring bug.</summary>
    public static AgentIdentity Read(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("The agent endpoints ran without an authenticated agent.");
        return new AgentIdentity(name, user.FindFirstValue(AgentAuthenticationDefaults.DisplayNameClaim) ?? name);
    }

    public static bool IsApiKey(ClaimsPrincipal user) =>
        user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == AgentAuthenticationDefaults.ApiKeyScheme);
}

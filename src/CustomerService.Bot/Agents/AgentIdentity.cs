namespace CustomerService.Bot.Agents;

/// <summary>Who is acting on the console: a signed-in agent or an API key's owner.</summary>
/// <param name="Name">Stable id recorded as the conversation's owner (user name or key name).</param>
/// <param name="DisplayName">What other agents see.</param>
internal sealed record AgentIdentity(string Name, string DisplayName);

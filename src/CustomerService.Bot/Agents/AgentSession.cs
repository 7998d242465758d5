namespace CustomerService.Bot.Agents;

/// <summary>The signed-in agent and the antiforgery token the page sends on every state-changing call.</summary>
/// <param name="UserName">Agent id (user name or API key name).</param>
/// <param name="DisplayName">Name shown to other agents.</param>
/// <param name="AntiforgeryToken">Send in the <c>RequestVerificationToken</c> header; null for API keys, which need none.</param>
/// <param name="MaxReplyLength">Longest reply the API accepts, in characters.</param>
/// <param name="MisunderstoodBelow">Confidence (0–1) under which the page marks a message as misunderstood.</param>
internal sealed record AgentSession(string UserName, string DisplayName, string? AntiforgeryToken, int MaxReplyLength, double MisunderstoodBelow);

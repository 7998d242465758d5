namespace CustomerService.Bot.Agents;

/// <summary>A remembered profile fact (e.g. <c>preferred_category</c>).</summary>
internal sealed record AgentProfileFact(string Key, string Value);

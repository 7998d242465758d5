namespace CustomerService.Bot.Agents;

/// <summary>Body of <c>POST /api/agent/login</c>.</summary>
internal sealed record LoginRequest(string? UserName, string? Password);

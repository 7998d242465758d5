namespace CustomerService.Bot.Agents;

/// <summary>Body of <c>POST /api/agent/conversations/{id}/reply</c>.</summary>
internal sealed record ReplyRequest(string? Text);

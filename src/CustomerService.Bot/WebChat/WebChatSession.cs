namespace CustomerService.Bot.WebChat;

/// <summary>What the page gets: a Direct Line token for one conversation (never the secret) and who the user is.</summary>
/// <param name="Resumed">True when this continues the browser's earlier conversation (the page then replays its history).</param>
internal sealed record WebChatSession(string ConversationId, string Token, string UserId, string? UserName, bool Resumed, bool Demo, int ExpiresIn);

namespace CustomerService.Bot.WebChat;

/// <summary>What the page sends: the conversation it remembers (localStorage), and an optional demo customer.</summary>
internal sealed record WebChatSessionRequest(string? ConversationId, string? UserId, string? DemoUser);

namespace CustomerService.Bot.WebChat;

/// <summary>A page-facing error: a short code and a sentence the page may show.</summary>
internal sealed record WebChatError(string Code, string Message);

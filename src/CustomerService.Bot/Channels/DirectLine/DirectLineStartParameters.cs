namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>The optional body of <c>tokens/generate</c> and <c>POST /conversations</c>: <c>{user:{id,name}, locale}</c>.</summary>
internal sealed record DirectLineStartParameters(DirectLineUser? User, string? Locale);

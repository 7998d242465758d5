namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>The <c>user</c> object callers may send when they start a conversation or ask for a token.</summary>
internal sealed record DirectLineUser(string? Id, string? Name);

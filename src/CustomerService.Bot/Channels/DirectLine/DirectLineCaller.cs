namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>
/// Who is calling: the secret holder (any conversation, user taken from the body) or a token holder
/// (exactly one conversation; the token's user, when it has one, is the only user it may speak as).
/// </summary>
internal sealed record DirectLineCaller(bool IsSecret, string? ConversationId, string? UserId, string? UserName)
{
    public static DirectLineCaller Secret { get; } = new(true, null, null, null);

    public bool MayAccess(string conversationId) => IsSecret || string.Equals(ConversationId, conversationId, StringComparison.Ordinal);
}

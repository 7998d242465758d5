namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>What a Direct Line token says: its conversation, its user (absent when minted for a secret holder) and when it expires.</summary>
internal sealed record DirectLineTokenClaims(
    string ConversationId,
    string? UserId,
    string? UserName,
    DirectLineTokenScope Scope,
    DateTimeOffset ExpiresAt);

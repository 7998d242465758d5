using System.Text.Json.Serialization;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Direct Line's Conversation: what start and resume return (token always set, directline.md §3).</summary>
internal sealed record DirectLineConversation(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl);

using System.Text.Json.Serialization;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>What <c>tokens/generate</c> and <c>tokens/refresh</c> return.</summary>
internal sealed record DirectLineTokenResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

using System.Text.Json.Serialization;

namespace CustomerService.LoadGenerator.DirectLine;

/// <summary>Answer of <c>tokens/generate</c> and <c>POST /conversations</c> (directline.md §3–4).</summary>
internal sealed record ConversationResponse
{
    public string? ConversationId { get; init; }

    public string? Token { get; init; }

    [JsonPropertyName("expires_in")]
    public int? ExpiresIn { get; init; }

    public string? StreamUrl { get; init; }

    /// <summary>Only from a page token endpoint that picks the user itself; the token is then pinned to this id.</summary>
    public string? UserId { get; init; }
}

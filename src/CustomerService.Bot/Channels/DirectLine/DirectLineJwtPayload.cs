using System.Text.Json.Serialization;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>The JWT payload of a Direct Line token; <c>user</c> is the claim Web Chat decodes.</summary>
internal sealed class DirectLineJwtPayload
{
    [JsonPropertyName("iss")]
    public string? Issuer { get; init; }

    [JsonPropertyName("conv")]
    public string? Conversation { get; init; }

    [JsonPropertyName("user")]
    public string? User { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    [JsonPropertyName("iat")]
    public long IssuedAt { get; init; }

    [JsonPropertyName("exp")]
    public long Expires { get; init; }

    [JsonPropertyName("jti")]
    public string? Nonce { get; init; }
}

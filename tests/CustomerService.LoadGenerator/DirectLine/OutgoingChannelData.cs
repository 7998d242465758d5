using System.Text.Json.Serialization;

namespace CustomerService.LoadGenerator.DirectLine;

/// <summary>Web Chat's <c>channelData</c> on a post: the id it matches the server's echo by (§9).</summary>
internal sealed record OutgoingChannelData
{
    // Web Chat spells it with a capital D; the server must echo it unchanged.
    [JsonPropertyName("clientActivityID")]
    public required string ClientActivityId { get; init; }
}

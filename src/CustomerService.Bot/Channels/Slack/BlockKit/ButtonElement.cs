using System.Text.Json.Serialization;

namespace CustomerService.Bot.Channels.Slack.BlockKit;

/// <summary>A button: text at most 75 characters, value at most 2000, url at most 3000, style primary or danger.</summary>
internal sealed record ButtonElement
{
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "button";

    public required SlackText Text { get; init; }

    public string? ActionId { get; init; }

    public string? Value { get; init; }

    public Uri? Url { get; init; }

    public string? Style { get; init; }
}

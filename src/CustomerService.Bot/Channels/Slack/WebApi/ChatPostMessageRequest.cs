using CustomerService.Bot.Channels.Slack.BlockKit;

namespace CustomerService.Bot.Channels.Slack.WebApi;

/// <summary>chat.postMessage arguments. <see cref="Text"/> is the notification fallback and is kept even with blocks.</summary>
internal sealed record ChatPostMessageRequest
{
    public required string Channel { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<SlackBlock>? Blocks { get; init; }

    public string? ThreadTs { get; init; }

    // Customer and agent text never unfurls links into previews.
    public bool UnfurlLinks { get; init; }

    public bool UnfurlMedia { get; init; }

    public SlackMessageMetadata? Metadata { get; init; }
}

namespace CustomerService.Bot.Channels.Slack.BlockKit;

/// <summary>A text section; <see cref="Text"/> at most 3000 characters, each field at most 2000, at most 10 fields.</summary>
internal sealed record SectionBlock : SlackBlock
{
    public SlackText? Text { get; init; }

    public IReadOnlyList<SlackText>? Fields { get; init; }
}

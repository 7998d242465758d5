namespace CustomerService.Bot.Channels.Slack.Interactivity;

/// <summary>The fields we read from an interactivity <c>payload</c> (slack.md §5).</summary>
internal sealed record SlackInteractionPayload
{
    public string? Type { get; init; }

    public SlackInteractionUser? User { get; init; }

    public SlackInteractionContainer? Container { get; init; }

    public SlackInteractionChannel? Channel { get; init; }

    public SlackInteractionMessage? Message { get; init; }

    public IReadOnlyList<SlackBlockAction>? Actions { get; init; }
}

namespace CustomerService.Bot.Channels.Slack.Interactivity;

/// <summary>The channel of the clicked message.</summary>
internal sealed record SlackInteractionChannel
{
    public string? Id { get; init; }
}

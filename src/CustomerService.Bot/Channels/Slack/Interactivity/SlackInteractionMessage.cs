namespace CustomerService.Bot.Channels.Slack.Interactivity;

/// <summary>The message that carried the button.</summary>
internal sealed record SlackInteractionMessage
{
    public string? Ts { get; init; }
}

namespace CustomerService.Bot.Channels.Slack.Interactivity;

/// <summary>Where the clicked element lives.</summary>
internal sealed record SlackInteractionContainer
{
    public string? Type { get; init; }

    public string? MessageTs { get; init; }

    public string? ChannelId { get; init; }

    public bool? IsEphemeral { get; init; }
}

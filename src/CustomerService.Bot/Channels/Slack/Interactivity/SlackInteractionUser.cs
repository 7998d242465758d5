namespace CustomerService.Bot.Channels.Slack.Interactivity;

/// <summary>Who clicked.</summary>
internal sealed record SlackInteractionUser
{
    public string? Id { get; init; }

    public string? Username { get; init; }

    public string? Name { get; init; }

    public string? TeamId { get; init; }
}

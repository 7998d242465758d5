namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>One entry of an envelope's <c>authorizations</c>.</summary>
internal sealed record SlackAuthorization
{
    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public bool? IsBot { get; init; }
}

namespace CustomerService.Bot.Channels.Slack.Interactivity;

/// <summary>One entry of <c>actions[]</c>.</summary>
internal sealed record SlackBlockAction
{
    public string? Type { get; init; }

    public string? ActionId { get; init; }

    public string? BlockId { get; init; }

    public string? Value { get; init; }

    public string? ActionTs { get; init; }
}

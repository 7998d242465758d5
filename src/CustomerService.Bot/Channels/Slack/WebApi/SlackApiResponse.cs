namespace CustomerService.Bot.Channels.Slack.WebApi;

/// <summary>The fields we read from any Web API answer. Errors arrive as HTTP 200 with <c>ok:false</c> (slack.md §3).</summary>
internal sealed record SlackApiResponse
{
    public bool Ok { get; init; }

    public string? Error { get; init; }

    public string? Warning { get; init; }

    public string? Channel { get; init; }

    public string? Ts { get; init; }

    public string? UserId { get; init; }

    public string? BotId { get; init; }

    public string? TeamId { get; init; }

    public string? Url { get; init; }
}

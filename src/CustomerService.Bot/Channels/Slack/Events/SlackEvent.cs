namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>The inner event fields we read for <c>message</c> and <c>app_mention</c> (slack.md §2.4).</summary>
internal sealed record SlackEvent
{
    public string? Type { get; init; }

    public string? Subtype { get; init; }

    public string? Channel { get; init; }

    /// <summary><c>channel</c>, <c>group</c>, <c>im</c>, <c>mpim</c> or <c>app_home</c>.</summary>
    public string? ChannelType { get; init; }

    public string? User { get; init; }

    public string? Text { get; init; }

    /// <summary>The message id: an opaque string, never parsed as a number.</summary>
    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    public string? Team { get; init; }

    /// <summary>Present on anything a bot posted, whatever the subtype.</summary>
    public string? BotId { get; init; }

    public bool? Hidden { get; init; }
}

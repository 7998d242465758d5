namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>The Events API body: <c>url_verification</c> or an <c>event_callback</c> around one inner event (slack.md §2).</summary>
internal sealed record SlackEventEnvelope
{
    public string? Type { get; init; }

    public string? Challenge { get; init; }

    public string? TeamId { get; init; }

    public string? ApiAppId { get; init; }

    /// <summary>The same on every retry, so it is the de-dupe key.</summary>
    public string? EventId { get; init; }

    public long? EventTime { get; init; }

    public SlackEvent? Event { get; init; }

    /// <summary>The installations the event is for; the bot's own user id is here before auth.test answers.</summary>
    public IReadOnlyList<SlackAuthorization>? Authorizations { get; init; }
}

namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>Either an accepted message or the short reason it was ignored (logged, never customer text).</summary>
internal sealed record SlackFilterResult(SlackInboundMessage? Message, string? IgnoredBecause)
{
    public static SlackFilterResult Accept(SlackInboundMessage message) => new(message, null);

    public static SlackFilterResult Ignore(string reason) => new(null, reason);
}

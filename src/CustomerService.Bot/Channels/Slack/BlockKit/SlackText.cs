namespace CustomerService.Bot.Channels.Slack.BlockKit;

/// <summary>A text object: <c>plain_text</c> (never formatted) or <c>mrkdwn</c> (escape it first).</summary>
internal sealed record SlackText(string Type, string Text)
{
    public static SlackText Plain(string text) => new("plain_text", text);

    public static SlackText Markdown(string text) => new("mrkdwn", text);
}

namespace CustomerService.Bot.Channels.Slack.BlockKit;

/// <summary>A horizontal rule.</summary>
internal sealed record DividerBlock : SlackBlock;

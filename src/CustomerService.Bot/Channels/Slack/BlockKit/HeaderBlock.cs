namespace CustomerService.Bot.Channels.Slack.BlockKit;

/// <summary>A large plain-text title (at most 150 characters).</summary>
internal sealed record HeaderBlock(SlackText Text) : SlackBlock;

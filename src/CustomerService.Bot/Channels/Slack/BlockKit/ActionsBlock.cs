namespace CustomerService.Bot.Channels.Slack.BlockKit;

/// <summary>Interactive elements in a row; at most 25.</summary>
internal sealed record ActionsBlock(IReadOnlyList<ButtonElement> Elements) : SlackBlock;

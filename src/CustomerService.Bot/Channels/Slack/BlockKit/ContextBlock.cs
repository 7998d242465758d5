namespace CustomerService.Bot.Channels.Slack.BlockKit;

/// <summary>Small secondary text; at most 10 elements.</summary>
internal sealed record ContextBlock(IReadOnlyList<SlackText> Elements) : SlackBlock;

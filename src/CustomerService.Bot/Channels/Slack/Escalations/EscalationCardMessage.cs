using CustomerService.Bot.Channels.Slack.BlockKit;

namespace CustomerService.Bot.Channels.Slack.Escalations;

/// <summary>A built card: notification fallback text plus its blocks.</summary>
internal sealed record EscalationCardMessage(string Text, IReadOnlyList<SlackBlock> Blocks);

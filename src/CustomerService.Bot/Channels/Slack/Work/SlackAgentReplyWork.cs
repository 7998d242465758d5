using CustomerService.Bot.Channels.Slack.Events;

namespace CustomerService.Bot.Channels.Slack.Work;

/// <summary>A human reply in a thread of the escalation channel: maybe an agent answering on a card.</summary>
internal sealed record SlackAgentReplyWork(SlackInboundMessage Message) : SlackWork
{
    public override string OrderingKey => Message.Channel + ":" + Message.ThreadRootTs;
}

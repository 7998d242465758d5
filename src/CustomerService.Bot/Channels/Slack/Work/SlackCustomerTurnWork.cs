using CustomerService.Bot.Channels.Slack.Events;
using CustomerService.Core.Ports;

namespace CustomerService.Bot.Channels.Slack.Work;

/// <summary>A customer message, already stored, to run through the bot.</summary>
internal sealed record SlackCustomerTurnWork(SlackInboundMessage Message, StoredActivity Inbound) : SlackWork
{
    public override string OrderingKey => Message.ConversationId;
}

namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>What an accepted Slack message is to us.</summary>
internal enum SlackMessageKind
{
    /// <summary>A customer talking to the bot: a DM or an @mention.</summary>
    Customer = 0,

    /// <summary>A human reply in a thread of the escalation channel: maybe an agent answering on a card.</summary>
    AgentThreadReply = 1,
}

namespace CustomerService.Bot.Channels.Slack.Work;

/// <summary>A customer message to show in the card's thread while agents own the conversation.</summary>
/// <param name="ConversationId">The escalated conversation.</param>
/// <param name="Text">The customer's text (personal data: redacted before it is posted).</param>
internal sealed record SlackThreadRelayWork(string ConversationId, string Text) : SlackWork
{
    public override string OrderingKey => ConversationId;
}

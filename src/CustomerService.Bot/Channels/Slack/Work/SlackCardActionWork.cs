namespace CustomerService.Bot.Channels.Slack.Work;

/// <summary>A click on a card button (claim or resolve).</summary>
/// <param name="ActionId">The button's action id.</param>
/// <param name="ConversationId">The button's value: the escalated conversation.</param>
/// <param name="UserId">The clicking agent's Slack user id.</param>
/// <param name="UserName">Their Slack user name, if sent.</param>
/// <param name="Channel">Channel of the card.</param>
/// <param name="MessageTs">ts of the card.</param>
internal sealed record SlackCardActionWork(
    string ActionId, string ConversationId, string UserId, string? UserName, string Channel, string MessageTs) : SlackWork
{
    public override string OrderingKey => ConversationId;
}

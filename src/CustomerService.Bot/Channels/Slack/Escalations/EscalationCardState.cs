namespace CustomerService.Bot.Channels.Slack.Escalations;

/// <summary>What the card shows: waiting, owned, closed, or erased (a tombstone with no customer data).</summary>
internal enum EscalationCardState
{
    Pending = 0,
    Claimed = 1,
    Resolved = 2,
    Erased = 3,
}

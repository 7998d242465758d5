namespace CustomerService.Bot.Channels.Slack.Escalations;

/// <summary>The card's button action ids; interactivity matches on them.</summary>
internal static class EscalationActionIds
{
    public const string Claim = "escalation_claim";
    public const string Resolve = "escalation_resolve";
    public const string OpenAgentPage = "escalation_open";
}

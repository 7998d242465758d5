using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;

namespace CustomerService.Bot.Channels.Slack.Escalations;

/// <summary>Everything the agents' Slack card shows about one escalation.</summary>
/// <param name="ConversationId">The escalated conversation (the buttons' value and the agent page link).</param>
/// <param name="CustomerId">Stable customer id.</param>
/// <param name="CustomerName">Display name, if known (untrusted text).</param>
/// <param name="ChannelId">The customer's channel (<c>webchat</c>, <c>slack</c>).</param>
/// <param name="Reason">Why the bot escalated.</param>
/// <param name="Prediction">The last classification, if any.</param>
/// <param name="RecentMessages">Last transcript lines, oldest first (untrusted; redacted again before display).</param>
/// <param name="State">Card state.</param>
/// <param name="Agent">Who claimed or resolved it, if anyone.</param>
internal sealed record EscalationCard(
    string ConversationId,
    string CustomerId,
    string? CustomerName,
    string ChannelId,
    EscalationReason Reason,
    IntentPrediction? Prediction,
    IReadOnlyList<string> RecentMessages,
    EscalationCardState State,
    string? Agent);

using CustomerService.Core.Ports;

namespace CustomerService.Core.Escalation;

/// <summary>An escalation to hand to agents; written to the outbox in the turn's transaction.</summary>
/// <param name="ConversationId">The escalated conversation.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="ChannelId">Channel the customer uses (<c>webchat</c>, <c>slack</c>).</param>
/// <param name="Reason">Why.</param>
/// <param name="Prediction">The last classification, if any (intent, confidence, alternatives).</param>
/// <param name="RecentMessages">The last few transcript lines, already PII-redacted, oldest first.</param>
public sealed record EscalationRequest(
    string ConversationId,
    string CustomerId,
    string ChannelId,
    EscalationReason Reason,
    IntentPrediction? Prediction,
    IReadOnlyList<string> RecentMessages);

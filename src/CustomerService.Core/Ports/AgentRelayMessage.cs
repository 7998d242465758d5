using CustomerService.Core.Conversations;

namespace CustomerService.Core.Ports;

/// <summary>A customer message for the agents of a handed-off conversation.</summary>
/// <param name="ChannelId">Channel the customer uses.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="CustomerId">Stable customer id.</param>
/// <param name="Handoff">Pending (no owner yet) or Agent.</param>
/// <param name="AssignedAgent">The owning agent while <paramref name="Handoff"/> is Agent.</param>
/// <param name="Message">The stored customer activity (its text is personal data: never log it above Debug).</param>
public sealed record AgentRelayMessage(
    string ChannelId,
    string ConversationId,
    string CustomerId,
    HandoffState Handoff,
    string? AssignedAgent,
    StoredActivity Message);

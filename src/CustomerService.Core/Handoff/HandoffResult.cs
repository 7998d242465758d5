using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;

namespace CustomerService.Core.Handoff;

/// <summary>The result of an agent operation.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="ChannelId">Its channel, so the caller can publish <paramref name="Activities"/> there; null when not found.</param>
/// <param name="State">Handoff state after the call.</param>
/// <param name="AssignedAgent">Owning agent id after the call, if any.</param>
/// <param name="Activities">Committed activities (status events, the agent's message) to publish to the customer, in order.</param>
public sealed record HandoffResult(
    HandoffOutcome Outcome,
    string ConversationId,
    string? ChannelId,
    HandoffState State,
    string? AssignedAgent,
    IReadOnlyList<StoredActivity> Activities);

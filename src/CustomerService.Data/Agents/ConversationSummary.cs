using CustomerService.Core.Conversations;

namespace CustomerService.Data.Agents;

/// <summary>A conversation as listed on the agent page and in a customer's history.</summary>
/// <param name="Id">Channel conversation id.</param>
/// <param name="ChannelId">Channel (<c>webchat</c>, <c>slack</c>).</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Handoff">Who owns it now.</param>
/// <param name="AssignedAgent">Owning agent while handed off.</param>
/// <param name="LastIntent">Last classified intent.</param>
/// <param name="MessageCount">Stored message activities.</param>
/// <param name="CreatedAt">First seen (UTC).</param>
/// <param name="LastActivityAt">Last stored activity (UTC).</param>
public sealed record ConversationSummary(
    string Id,
    string ChannelId,
    string CustomerId,
    HandoffState Handoff,
    string? AssignedAgent,
    string? LastIntent,
    int MessageCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt);

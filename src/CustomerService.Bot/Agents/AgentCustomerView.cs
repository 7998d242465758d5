using CustomerService.Core.Conversations;

namespace CustomerService.Bot.Agents;

/// <summary>The customer pane: who this is, what we remember, their orders and earlier conversations.</summary>
/// <param name="Id">Customer id.</param>
/// <param name="Name">Name, if known.</param>
/// <param name="CreatedAt">First seen (UTC); null when the profile is gone (erased).</param>
/// <param name="Identities">Linked channel identities.</param>
/// <param name="Facts">Remembered profile facts, by key.</param>
/// <param name="Orders">Orders, newest first.</param>
/// <param name="PastConversations">Other conversations, most recent first.</param>
internal sealed record AgentCustomerView(
    string Id,
    string? Name,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<AgentChannelIdentity> Identities,
    IReadOnlyList<AgentProfileFact> Facts,
    IReadOnlyList<OrderSummary> Orders,
    IReadOnlyList<AgentPastConversation> PastConversations);

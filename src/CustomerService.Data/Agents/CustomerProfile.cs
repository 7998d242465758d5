using CustomerService.Core.Conversations;

namespace CustomerService.Data.Agents;

/// <summary>What an agent sees about a customer: identities, remembered facts, orders and past conversations.</summary>
/// <param name="Id">Customer id.</param>
/// <param name="DisplayName">Name, from the profile fact or the channel.</param>
/// <param name="CreatedAt">First seen (UTC).</param>
/// <param name="Identities">Linked channel identities.</param>
/// <param name="Facts">Profile facts by key.</param>
/// <param name="Orders">Orders, newest first.</param>
/// <param name="Conversations">Conversations, most recently active first.</param>
public sealed record CustomerProfile(
    string Id,
    string? DisplayName,
    DateTimeOffset CreatedAt,
    IReadOnlyList<CustomerIdentity> Identities,
    IReadOnlyDictionary<string, string> Facts,
    IReadOnlyList<OrderSummary> Orders,
    IReadOnlyList<ConversationSummary> Conversations);

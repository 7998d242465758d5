using CustomerService.Core.Conversations;
using CustomerService.Data.Agents;
using CustomerService.Data.Escalations;

namespace CustomerService.Data.Privacy;

/// <summary>Everything stored about one customer, ready to serialise as JSON (a data-subject access export).</summary>
/// <param name="ExportedAt">When the export was made (UTC).</param>
/// <param name="CustomerId">Customer id.</param>
/// <param name="DisplayName">Name the channel gave.</param>
/// <param name="CreatedAt">First seen (UTC).</param>
/// <param name="Identities">Channel identities.</param>
/// <param name="Facts">Profile facts by key.</param>
/// <param name="Orders">Orders, newest first.</param>
/// <param name="Conversations">Conversations with their transcripts, oldest first.</param>
/// <param name="Escalations">Escalations, oldest first.</param>
public sealed record CustomerExport(
    DateTimeOffset ExportedAt,
    string CustomerId,
    string? DisplayName,
    DateTimeOffset CreatedAt,
    IReadOnlyList<CustomerIdentity> Identities,
    IReadOnlyDictionary<string, string> Facts,
    IReadOnlyList<OrderSummary> Orders,
    IReadOnlyList<ExportedConversation> Conversations,
    IReadOnlyList<EscalationDetails> Escalations);

namespace CustomerService.Data.Privacy;

/// <summary>Data rights and retention: export, erase, and deleting old conversations.</summary>
public interface IPrivacyStore
{
    /// <summary>The customer behind a channel identity, if any.</summary>
    Task<string?> FindCustomerIdAsync(string channelId, string channelUserId, CancellationToken cancellationToken);

    /// <summary>Everything stored about the customer; null when there is no such customer.</summary>
    Task<CustomerExport?> ExportAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes everything about the customer in one transaction: conversations, activities, escalations, outbox
    /// rows, facts, orders and identities. Slack cards of their escalations get an <c>escalation.erased</c>
    /// outbox row (ids and card location only). Null when there is no such customer.
    /// </summary>
    Task<CustomerErasure?> EraseAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes conversations with no activity since <paramref name="cutoff"/> (with activities and escalations),
    /// except those an agent still holds, and delivered outbox rows older than the cutoff. Works in batches.
    /// </summary>
    Task<RetentionResult> DeleteInactiveConversationsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

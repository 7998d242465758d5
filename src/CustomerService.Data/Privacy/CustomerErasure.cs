namespace CustomerService.Data.Privacy;

/// <summary>What an erase removed. Slack cards are replaced by a tombstone through the outbox.</summary>
public sealed record CustomerErasure(
    string CustomerId,
    int Conversations,
    int Activities,
    int Escalations,
    int OutboxMessages,
    int Facts,
    int Orders,
    int Identities,
    int SlackCardsToTombstone);

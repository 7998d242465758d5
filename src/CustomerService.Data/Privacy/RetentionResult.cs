namespace CustomerService.Data.Privacy;

/// <summary>What a retention pass deleted.</summary>
/// <param name="Conversations">Conversations inactive since before the cutoff (with their activities and escalations).</param>
/// <param name="Activities">Activities of those conversations.</param>
/// <param name="OutboxMessages">Delivered outbox rows older than the cutoff, and rows of deleted escalations.</param>
public sealed record RetentionResult(int Conversations, int Activities, int OutboxMessages);

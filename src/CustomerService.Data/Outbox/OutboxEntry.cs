namespace CustomerService.Data.Outbox;

/// <summary>An outbox row claimed for delivery.</summary>
/// <param name="Id">Row id; pass it back to mark the outcome.</param>
/// <param name="Type">One of <see cref="OutboxMessageTypes"/>.</param>
/// <param name="PayloadJson">JSON payload (see <see cref="EscalationOutboxPayload"/>).</param>
/// <param name="Attempts">Delivery attempts so far, including this one (1 on the first try).</param>
/// <param name="CreatedAt">When the business transaction wrote it (UTC).</param>
public sealed record OutboxEntry(Guid Id, string Type, string PayloadJson, int Attempts, DateTimeOffset CreatedAt);

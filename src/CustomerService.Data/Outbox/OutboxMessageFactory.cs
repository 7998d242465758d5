using System.Text.Json;
using CustomerService.Data.Entities;
using CustomerService.Data.Escalations;

namespace CustomerService.Data.Outbox;

/// <summary>Builds pending outbox rows, due at once.</summary>
internal static class OutboxMessageFactory
{
    public static OutboxMessage Create(string type, EscalationOutboxPayload payload, string? escalationId, string? customerId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Type = type,
        PayloadJson = JsonSerializer.Serialize(payload, EscalationJson.Options),
        State = OutboxState.Pending,
        NextAttemptAt = now,
        EscalationId = escalationId,
        CustomerId = customerId,
        CreatedAt = now,
        UpdatedAt = now,
    };
}

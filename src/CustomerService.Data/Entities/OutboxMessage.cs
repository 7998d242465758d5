using CustomerService.Data.Outbox;

namespace CustomerService.Data.Entities;

/// <summary>A message written in a business transaction and delivered by a worker after commit.</summary>
internal sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>One of <see cref="OutboxMessageTypes"/>.</summary>
    public required string Type { get; set; }

    public required string PayloadJson { get; set; }

    public OutboxState State { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the row is next due; null once dispatched or given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastErrorCode { get; set; }

    /// <summary>The escalation the message is about, so erasure and retention can find it.</summary>
    public string? EscalationId { get; set; }

    /// <summary>The customer the message is about, so erasure can find it.</summary>
    public string? CustomerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }
}

namespace CustomerService.Data.Outbox;

/// <summary>Outbox message types. The payload of each is an <see cref="EscalationOutboxPayload"/>.</summary>
public static class OutboxMessageTypes
{
    /// <summary>A new escalation: post the agent card and notify the agent page.</summary>
    public const string EscalationCreated = "escalation.created";

    /// <summary>An escalation changed state (claimed, resolved): update the card.</summary>
    public const string EscalationUpdated = "escalation.updated";

    /// <summary>The customer was erased: replace the card with a tombstone.</summary>
    public const string EscalationErased = "escalation.erased";
}

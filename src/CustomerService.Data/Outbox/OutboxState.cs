namespace CustomerService.Data.Outbox;

/// <summary>Delivery state of an outbox row (eShop IntegrationEventLog states).</summary>
public enum OutboxState
{
    /// <summary>Written, not yet attempted.</summary>
    Pending = 0,

    /// <summary>Claimed by a worker; reset to Pending at start if a crash left it here.</summary>
    InProgress = 1,

    /// <summary>Delivered.</summary>
    Dispatched = 2,

    /// <summary>The last attempt failed; retried at NextAttemptAt, or given up when that is null.</summary>
    Failed = 3,
}

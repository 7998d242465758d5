namespace CustomerService.Data.Escalations;

/// <summary>How a resolve ended.</summary>
public enum ResolveOutcome
{
    /// <summary>Closed now; the bot resumes on the customer's next message.</summary>
    Resolved = 0,

    /// <summary>It was closed already (a double click); nothing changed.</summary>
    AlreadyResolved = 1,

    /// <summary>Another agent owns it; only the owner resolves a claimed escalation.</summary>
    ClaimedByAnother = 2,

    NotFound = 3,
}

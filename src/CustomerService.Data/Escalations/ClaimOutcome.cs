namespace CustomerService.Data.Escalations;

/// <summary>How a claim ended. Exactly one of concurrent claims gets <see cref="Claimed"/>.</summary>
public enum ClaimOutcome
{
    /// <summary>This agent now owns the conversation.</summary>
    Claimed = 0,

    /// <summary>This agent already owned it (a double click); nothing changed.</summary>
    AlreadyYours = 1,

    /// <summary>Another agent owns it; see <see cref="ClaimResult.ClaimedBy"/>.</summary>
    ClaimedByAnother = 2,

    /// <summary>It was resolved already.</summary>
    AlreadyResolved = 3,

    NotFound = 4,
}

namespace CustomerService.Data.Escalations;

/// <summary>The agent page's queues.</summary>
public enum EscalationFilter
{
    /// <summary>Waiting for an agent, oldest first.</summary>
    Pending = 0,

    /// <summary>Claimed by the asking agent and not yet resolved, oldest first.</summary>
    Mine = 1,

    /// <summary>Resolved, newest first.</summary>
    Resolved = 2,

    /// <summary>Claimed by anyone and not yet resolved, oldest first.</summary>
    Claimed = 3,
}

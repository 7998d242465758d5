namespace CustomerService.Data.Escalations;

/// <summary>Where an escalation stands: waiting for an agent, owned by one, or closed.</summary>
public enum EscalationState
{
    Pending = 0,
    Claimed = 1,
    Resolved = 2,
}

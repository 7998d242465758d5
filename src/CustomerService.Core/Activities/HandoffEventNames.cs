namespace CustomerService.Core.Activities;

/// <summary>Event names for human handoff, as Bot Builder's HandoffEventNames.</summary>
public static class HandoffEventNames
{
    public const string InitiateHandoff = "handoff.initiate";
    public const string HandoffStatus = "handoff.status";
}

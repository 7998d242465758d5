namespace CustomerService.Bot.Agents;

/// <summary>SSE event names of the live-update stream.</summary>
internal static class AgentEventKinds
{
    /// <summary>An escalation appeared or changed state: refresh the queues.</summary>
    public const string Escalation = "escalation";

    /// <summary>A new message in an escalated conversation: refresh it if open.</summary>
    public const string Activity = "activity";

    /// <summary>Sent on connect and after events were dropped: reload everything from the store.</summary>
    public const string Resync = "resync";

    /// <summary>Keep-alive; carries nothing.</summary>
    public const string Ping = "ping";
}

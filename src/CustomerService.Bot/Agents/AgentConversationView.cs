namespace CustomerService.Bot.Agents;

/// <summary>Body of <c>GET /api/agent/conversations/{id}</c>: everything the conversation pane shows.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="ChannelId">Customer's channel.</param>
/// <param name="State">Handoff state: <c>bot</c>, <c>pending</c>, <c>agent</c> or <c>resolved</c>.</param>
/// <param name="AssignedAgent">Owning agent id while <paramref name="State"/> is <c>agent</c>.</param>
/// <param name="AssignedAgentName">Its display name.</param>
/// <param name="Escalation">The open (or latest) escalation, if the conversation was escalated.</param>
/// <param name="Customer">Profile, orders and past conversations.</param>
/// <param name="Transcript">The latest activities, oldest first.</param>
/// <param name="TranscriptTruncated">True when older activities were left out.</param>
internal sealed record AgentConversationView(
    string ConversationId,
    string ChannelId,
    string State,
    string? AssignedAgent,
    string? AssignedAgentName,
    AgentEscalationView? Escalation,
    AgentCustomerView Customer,
    IReadOnlyList<AgentTranscriptItem> Transcript,
    bool TranscriptTruncated);

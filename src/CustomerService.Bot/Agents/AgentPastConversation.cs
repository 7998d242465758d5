namespace CustomerService.Bot.Agents;

/// <summary>An earlier conversation of the same customer.</summary>
/// <param name="ConversationId">Open it at <c>/agent/conversations/{id}</c>.</param>
/// <param name="ChannelId">Its channel.</param>
/// <param name="State">Handoff state, camelCase.</param>
/// <param name="LastIntent">Last classified intent.</param>
/// <param name="MessageCount">Messages in it.</param>
/// <param name="StartedAt">First seen (UTC).</param>
/// <param name="LastActivityAt">Last activity (UTC).</param>
internal sealed record AgentPastConversation(
    string ConversationId,
    string ChannelId,
    string State,
    string? LastIntent,
    int MessageCount,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActivityAt);

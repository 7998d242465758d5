namespace CustomerService.Bot.Agents;

/// <summary>
/// One live update on <c>GET /api/agent/events</c>: ids only, so the stream never carries customer text and the
/// page re-reads what changed through the authorised API.
/// </summary>
/// <param name="Kind">One of <see cref="AgentEventKinds"/>.</param>
/// <param name="ConversationId">The conversation that changed; null for keep-alives and resyncs.</param>
internal sealed record AgentEvent(string Kind, string? ConversationId);

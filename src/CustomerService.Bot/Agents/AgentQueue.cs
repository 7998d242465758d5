namespace CustomerService.Bot.Agents;

/// <summary>Body of <c>GET /api/agent/queue</c>: one queue and the size of every queue (for the tab badges).</summary>
internal sealed record AgentQueue(string View, IReadOnlyList<AgentQueueItem> Items, AgentQueueCounts Counts);

namespace CustomerService.Bot.Agents;

/// <summary>How many escalations each queue holds (resolved: the most recent, up to the list limit).</summary>
internal sealed record AgentQueueCounts(int Pending, int Mine, int Resolved);

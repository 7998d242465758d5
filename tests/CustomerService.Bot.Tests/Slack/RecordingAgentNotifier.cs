using System.Collections.Concurrent;
using CustomerService.Bot.Agents;

namespace CustomerService.Bot.Tests.Slack;

/// <summary>Records what the agent page would have been told.</summary>
internal sealed class RecordingAgentNotifier : IAgentNotifier
{
    public ConcurrentQueue<string> EscalationsChanged { get; } = new();

    public ConcurrentQueue<string> Activities { get; } = new();

    public ValueTask EscalationChangedAsync(string conversationId, CancellationToken cancellationToken)
    {
        EscalationsChanged.Enqueue(conversationId);
        return ValueTask.CompletedTask;
    }

    public ValueTask ConversationActivityAsync(string conversationId, CancellationToken cancellationToken)
    {
        Activities.Enqueue(conversationId);
        return ValueTask.CompletedTask;
    }
}

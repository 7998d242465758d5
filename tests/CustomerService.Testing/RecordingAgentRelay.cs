using CustomerService.Core.Ports;

namespace CustomerService.Testing;

/// <summary>An agent relay that records the customer messages it was told about.</summary>
public sealed class RecordingAgentRelay : IAgentRelay
{
    private readonly List<AgentRelayMessage> _messages = [];

    public IReadOnlyList<AgentRelayMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public Task RelayCustomerMessageAsync(AgentRelayMessage message, CancellationToken cancellationToken)
    {
        lock (_messages)
        {
            _messages.Add(message);
        }

        return Task.CompletedTask;
    }
}

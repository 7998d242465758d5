using CustomerService.Core.Ports;

namespace CustomerService.Bot.Agents;

/// <summary>A customer wrote in a handed-off conversation: tell open agent pages to re-read it.</summary>
internal sealed class AgentPageRelay(IAgentNotifier notifier) : IAgentRelay
{
    public async Task RelayCustomerMessageAsync(AgentRelayMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await notifier.ConversationActivityAsync(message.ConversationId, cancellationToken);
    }
}

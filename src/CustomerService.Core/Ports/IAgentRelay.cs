namespace CustomerService.Core.Ports;

/// <summary>
/// Tells the agents about a customer message while a human owns the conversation (handoff Pending or Agent).
/// The message is already committed to the transcript; the relay only notifies (agent page push, Slack
/// thread). Implemented by the host, possibly several times (each one is told); called inside the
/// customer's turn, so keep it quick and let durable delivery go through the outbox.
/// </summary>
public interface IAgentRelay
{
    Task RelayCustomerMessageAsync(AgentRelayMessage message, CancellationToken cancellationToken);
}

using CustomerService.Core.Escalation;

namespace CustomerService.Core.Ports;

/// <summary>Transactional outbox: escalations are staged in the turn's transaction and delivered by a worker after commit.</summary>
public interface IEscalationOutbox
{
    Task EnqueueAsync(EscalationRequest escalation, CancellationToken cancellationToken);
}

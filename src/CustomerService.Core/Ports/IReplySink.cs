using CustomerService.Core.Activities;

namespace CustomerService.Core.Ports;

/// <summary>A channel's way out. Durable replies are published only after the turn committed them.</summary>
public interface IReplySink
{
    /// <summary>Delivers an ephemeral activity (typing, a streaming chunk) at once; it is never stored.</summary>
    ValueTask SendEphemeralAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Delivers activities that are already stored, in order.</summary>
    ValueTask PublishAsync(string conversationId, IReadOnlyList<StoredActivity> activities, CancellationToken cancellationToken);
}

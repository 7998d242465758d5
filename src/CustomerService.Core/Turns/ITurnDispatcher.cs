namespace CustomerService.Core.Turns;

/// <summary>
/// Queues turns for the background <see cref="TurnWorker"/>: turns of one conversation run strictly in order,
/// different conversations run concurrently (Turns:MaxConcurrentTurns).
/// </summary>
public interface ITurnDispatcher
{
    /// <summary>
    /// Queues a turn. When the queue is full this waits (backpressure) up to Turns:EnqueueTimeout and then
    /// returns false, so the channel can answer with a clear "busy" error instead of dropping the message.
    /// </summary>
    ValueTask<bool> EnqueueAsync(TurnRequest request, CancellationToken cancellationToken = default);
}

using CustomerService.Data.Slack;

namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>The ledger on the Data layer's processed-event table (one atomic INSERT … ON CONFLICT per key).</summary>
internal sealed class ProcessedEventLedger(IProcessedEventStore store) : ISlackEventLedger
{
    public Task<bool> TryMarkAsync(string key, CancellationToken cancellationToken) =>
        store.TryMarkProcessedAsync(key, cancellationToken);

    public Task ForgetAsync(string key, CancellationToken cancellationToken) =>
        store.ForgetAsync(key, cancellationToken);
}

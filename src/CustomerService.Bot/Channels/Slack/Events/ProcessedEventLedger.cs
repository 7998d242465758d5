using CustomerService.Data.Slack;
using Microsoft.Extensions.Logging;

namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>The ledger on the Data layer's processed-event table (one atomic INSERT … ON CONFLICT per key).</summary>
internal sealed class ProcessedEventLedger(IProcessedEventStore store, ILogger<ProcessedEventLedger> logger) : ISlackEventLedger
{
    public Task<bool> TryMarkAsync(string key, CancellationToken cancellationToken) =>
        store.TryMarkProcessedAsync(key, cancellationToken);

    public Task ForgetAsync(string key, CancellationToken cancellationToken)
    {
        // TODO(#5): IProcessedEventStore has no delete yet (asked of the Data owner); until it does, a delivery
        // that failed after being marked is not retried, and this says so loudly.
        Log.SlackLedgerCannotForget(logger, key.Length > 80 ? key[..80] : key);
        return Task.CompletedTask;
    }
}

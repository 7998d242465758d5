namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>
/// Persisted record of Slack deliveries already taken in, so retries and restarts do not run an event twice.
/// Keys are <c>event_id</c>s and (team, channel, ts) message keys.
/// </summary>
internal interface ISlackEventLedger
{
    /// <summary>Atomically records the key; false when it was already recorded.</summary>
    Task<bool> TryMarkAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes a key whose delivery could not be taken in, so Slack's retry is processed.</summary>
    Task ForgetAsync(string key, CancellationToken cancellationToken);
}

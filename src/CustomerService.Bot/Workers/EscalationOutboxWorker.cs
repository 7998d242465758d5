using System.Text.Json;
using CustomerService.Bot.Agents;
using CustomerService.Bot.Channels.Slack;
using CustomerService.Bot.Channels.Slack.Escalations;
using CustomerService.Bot.Channels.Slack.WebApi;
using CustomerService.Core.Escalation;
using CustomerService.Data.Escalations;
using CustomerService.Data.Outbox;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Workers;

/// <summary>
/// Delivers escalation outbox rows after their turn committed: tells the agent page, then posts or edits the Slack
/// card (when Slack is configured), then marks the row Dispatched, or Failed with the error code and backoff
/// (honouring Slack's Retry-After). Without Slack the agent page still gets every escalation.
/// </summary>
internal sealed partial class EscalationOutboxWorker(
    IOutboxReader outbox,
    IEscalationStore escalations,
    IServiceProvider services,
    IEnumerable<IAgentNotifier> notifiers,
    EscalationOutboxSignal signal,
    IOptions<EscalationOptions> escalationOptions,
    IOptions<SlackOptions> slackOptions,
    TimeProvider timeProvider,
    ILogger<EscalationOutboxWorker> logger) : BackgroundService
{
    private const int BatchSize = 20;

    // Data writes the payload with the web defaults (camelCase).
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web) { MaxDepth = 8 };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Rows a crash left InProgress go back to Pending; their cards are edited, not re-posted, if a ts was recorded.
        var reset = await outbox.ResetInProgressAsync(stoppingToken);
        if (reset > 0)
        {
            LogReset(logger, reset);
        }

        using var timer = new PeriodicTimer(escalationOptions.Value.OutboxPollInterval, timeProvider);
        Task<bool>? tick = null;
        Task<bool>? wake = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Worker boundary (e.g. the database is briefly locked): try again on the next tick.
                LogDrainFailed(logger, ex);
            }

            // Whichever comes first: the poll interval or a wake-up; the other wait is kept for the next round.
            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            wake ??= signal.WaitAsync(stoppingToken);
            var first = await Task.WhenAny(tick, wake);
            if (first == tick)
            {
                tick = null;
            }
            else
            {
                wake = null;
            }

            try
            {
                await first;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Delivers every due row now; the worker loop calls it, and tests call it to step the worker.</summary>
    internal async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var entries = await outbox.ClaimDueAsync(BatchSize, cancellationToken);
            foreach (var entry in entries)
            {
                await DeliverAsync(entry, cancellationToken);
            }

            if (entries.Count < BatchSize)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            var payload = Payload(entry);
            if (payload is null)
            {
                await FailAsync(entry, "invalid_payload", null, cancellationToken);
                return;
            }

            switch (entry.Type)
            {
                case OutboxMessageTypes.EscalationCreated or OutboxMessageTypes.EscalationUpdated:
                    await DeliverChangeAsync(payload, cancellationToken);
                    break;
                case OutboxMessageTypes.EscalationErased:
                    if (Cards() is { } publisher && payload.SlackChannel is { } channel && payload.SlackMessageTs is { } ts)
                    {
                        await publisher.TombstoneAsync(channel, ts, cancellationToken);
                    }

                    break;
                default:
                    await FailAsync(entry, "unknown_type", null, cancellationToken);
                    return;
            }

            await outbox.MarkDispatchedAsync(entry.Id, cancellationToken);
            LogDispatched(logger, entry.Id, entry.Type, entry.Attempts);
        }
        catch (SlackApiException ex)
        {
            await FailAsync(entry, ex.ErrorCode ?? "slack_error", ex.RetryAfter, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Boundary per row: one bad row must not hold up the others.
            LogDeliveryError(logger, ex, entry.Id);
            await FailAsync(entry, "internal_error", null, cancellationToken);
        }
    }

    private async Task DeliverChangeAsync(EscalationOutboxPayload payload, CancellationToken cancellationToken)
    {
        var details = await escalations.GetAsync(payload.EscalationId, cancellationToken);
        if (details is null)
        {
            // Erased since: its own escalation.erased row tombstones any card.
            return;
        }

        // The agent page first: it must not wait on a Slack outage. Pages re-read the store, so a repeat is harmless.
        foreach (var notifier in notifiers)
        {
            await notifier.EscalationChangedAsync(details.Summary.ConversationId, cancellationToken);
        }

        if (Cards() is { } publisher)
        {
            await publisher.PublishAsync(details, cancellationToken);
        }
    }

    private EscalationCardPublisher? Cards() =>
        slackOptions.Value.PostsCards ? services.GetRequiredService<EscalationCardPublisher>() : null;

    private async Task FailAsync(OutboxEntry entry, string errorCode, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var next = await outbox.MarkFailedAsync(entry.Id, errorCode, retryAfter, cancellationToken);
        LogFailed(logger, entry.Id, entry.Type, entry.Attempts, errorCode, next);
    }

    private static EscalationOutboxPayload? Payload(OutboxEntry entry)
    {
        try
        {
            var payload = JsonSerializer.Deserialize<EscalationOutboxPayload>(entry.PayloadJson, PayloadJson);
            return payload is { EscalationId.Length: > 0 } ? payload : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(4600, LogLevel.Information, "Escalation outbox: {Count} rows left in progress by a previous run were reset")]
    private static partial void LogReset(ILogger logger, int count);

    [LoggerMessage(4601, LogLevel.Information, "Escalation outbox row {Id} ({Type}) dispatched on attempt {Attempt}")]
    private static partial void LogDispatched(ILogger logger, Guid id, string type, int attempt);

    [LoggerMessage(4602, LogLevel.Warning, "Escalation outbox row {Id} ({Type}) failed on attempt {Attempt} with {ErrorCode}; next attempt {NextAttempt}")]
    private static partial void LogFailed(ILogger logger, Guid id, string type, int attempt, string errorCode, DateTimeOffset? nextAttempt);

    [LoggerMessage(4603, LogLevel.Error, "Escalation outbox row {Id} could not be delivered")]
    private static partial void LogDeliveryError(ILogger logger, Exception exception, Guid id);

    [LoggerMessage(4604, LogLevel.Error, "Escalation outbox drain failed; retrying on the next tick")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);
}

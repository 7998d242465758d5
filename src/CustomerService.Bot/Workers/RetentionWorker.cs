using CustomerService.Core.Privacy;
using CustomerService.Data.Privacy;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Workers;

/// <summary>
/// Deletes conversations with no activity for <see cref="PrivacyOptions.RetentionDays"/> days (with their
/// transcripts and escalations; ones an agent still holds are kept), at start and then every
/// <see cref="PrivacyOptions.RetentionInterval"/>. RetentionDays 0 keeps everything.
/// </summary>
internal sealed partial class RetentionWorker(
    IPrivacyStore store,
    IOptionsMonitor<PrivacyOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.RetentionInterval, timeProvider);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; a pass cut short resumes on the next start (every batch committed on its own).
        }
    }

    /// <summary>One retention pass; the loop calls it, and tests call it to step the worker. Null when retention is off.</summary>
    internal async Task<RetentionResult?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var days = options.CurrentValue.RetentionDays;
        if (days <= 0)
        {
            return null;
        }

        var cutoff = timeProvider.GetUtcNow().AddDays(-days);
        try
        {
            var result = await store.DeleteInactiveConversationsAsync(cutoff, cancellationToken);
            Log.Deleted(logger, result.Conversations, result.Activities, result.OutboxMessages, days);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Worker boundary (e.g. the database is locked for longer than the busy timeout): try again next interval.
            Log.Failed(logger, ex);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(4740, LogLevel.Information, "Retention: deleted {Conversations} conversations ({Activities} activities, {OutboxMessages} outbox rows) inactive for over {Days} days")]
        public static partial void Deleted(ILogger logger, int conversations, int activities, int outboxMessages, int days);

        [LoggerMessage(4741, LogLevel.Error, "Retention pass failed; retrying at the next interval")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}

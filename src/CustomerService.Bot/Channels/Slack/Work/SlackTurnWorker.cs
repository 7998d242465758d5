using CustomerService.Bot.Channels.Slack.WebApi;
using CustomerService.Data.Slack;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack.Work;

/// <summary>
/// Drains the Slack work lanes (never the webhook's request), one DI scope per item, and learns the bot's identity
/// with auth.test at start so our own messages are filtered (slack.md §0).
/// </summary>
internal sealed class SlackTurnWorker(
    SlackWorkQueue queue,
    IServiceScopeFactory scopes,
    ISlackApiClient api,
    IProcessedEventStore processedEvents,
    SlackIdentityAccessor identity,
    IOptions<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackTurnWorker> logger) : BackgroundService
{
    private static readonly TimeSpan IdentityRetryDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var lanes = Enumerable.Range(0, SlackWorkQueue.LaneCount).Select(lane => DrainAsync(lane, stoppingToken));
        await Task.WhenAll([LearnIdentityAsync(stoppingToken), PruneProcessedEventsAsync(stoppingToken), .. lanes]);
    }

    private async Task PruneProcessedEventsAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PruneInterval, timeProvider);
        do
        {
            try
            {
                var removed = await processedEvents.PruneAsync(timeProvider.GetUtcNow() - options.Value.ProcessedEventRetention, stoppingToken);
                Log.SlackLedgerPruned(logger, removed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Worker boundary: a locked database now is fine an hour later.
                Log.SlackWorkFailed(logger, ex, "prune", "-");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task DrainAsync(int lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader(lane).ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<SlackWorkHandler>().HandleAsync(work, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Worker boundary: one failed item must not stop the lane.
                    Log.SlackWorkFailed(logger, ex, work.GetType().Name, work.OrderingKey);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    private async Task LearnIdentityAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var me = await api.AuthTestAsync(stoppingToken);
                identity.Set(me);
                Log.SlackIdentityLearned(logger, me.UserId, me.BotId, me.TeamId);
                return;
            }
            catch (SlackApiException ex)
            {
                Log.SlackIdentityUnknown(logger, ex.ErrorCode);
            }

            try
            {
                await Task.Delay(IdentityRetryDelay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

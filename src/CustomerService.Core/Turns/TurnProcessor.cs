using CustomerService.Core.Activities;
using CustomerService.Core.Ports;
using CustomerService.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Core.Turns;

/// <summary>
/// One turn: a DI scope, the middleware pipeline, one commit of everything the turn staged, then the
/// committed replies to the channel. Replies are published only after the commit, so a customer never
/// sees an answer that was not stored.
/// </summary>
internal sealed partial class TurnProcessor(
    IServiceScopeFactory scopeFactory,
    ConversationLocks locks,
    IOptions<TurnOptions> options,
    TimeProvider timeProvider,
    CustomerServiceMetrics metrics,
    ILogger<TurnProcessor> logger) : ITurnProcessor
{
    public async Task ProcessAsync(TurnRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.ConversationId);
        ArgumentNullException.ThrowIfNull(request.Sink);

        var started = timeProvider.GetTimestamp();
        using var lease = await locks.AcquireAsync(request.ConversationId, cancellationToken);
        await using var scope = scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;

        var context = new TurnContext(request, services.GetRequiredService<ITranscriptStore>(), BotAccount(request));
        await TurnPipeline.Create(services).RunAsync(context, cancellationToken);

        var committed = await services.GetRequiredService<ITurnTransaction>().CommitAsync(cancellationToken);
        if (committed.Count > 0)
        {
            await request.Sink.PublishAsync(request.ConversationId, committed, cancellationToken);
        }

        var elapsed = timeProvider.GetElapsedTime(started);
        Log.TurnCompleted(
            logger,
            request.ConversationId,
            request.Inbound.Activity.Id,
            context.Prediction?.Intent,
            context.Prediction?.Confidence ?? 0f,
            committed.Count,
            elapsed.TotalMilliseconds);
        metrics.RecordTurn(request.ChannelId, elapsed, context.Failed);
    }

    private ChannelAccount BotAccount(TurnRequest request)
    {
        // Reply from the account the customer wrote to, so Web Chat shows the answer as the bot's.
        var recipient = request.Inbound.Activity.Recipient;
        var id = string.IsNullOrWhiteSpace(recipient?.Id) ? options.Value.BotId : recipient.Id;
        return new ChannelAccount(id, options.Value.BotName, RoleTypes.Bot);
    }

    private static partial class Log
    {
        [LoggerMessage(1001, LogLevel.Information, "Turn done: conversation {ConversationId} activity {ActivityId} intent {Intent} confidence {Confidence:F3}, {ReplyCount} activities in {ElapsedMs:F1} ms")]
        public static partial void TurnCompleted(ILogger logger, string conversationId, string? activityId, string? intent, float confidence, int replyCount, double elapsedMs);
    }
}

using System.Text.Json;
using CustomerService.Bot.Channels.Slack.Work;
using CustomerService.Core.Activities;
using CustomerService.Core.Ports;
using CustomerService.Core.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>
/// Takes in one Events API body (HTTP or Socket Mode): answers url_verification, filters, de-dupes by event_id and
/// by (channel, ts), stores the customer's message, and queues the work. It never runs the turn (slack.md §2.3).
/// </summary>
/// <remarks>
/// The inbound activity is appended and committed HERE, before Slack gets its 200: an acknowledged message is
/// durable (Slack will not send it again once acked), and the append is one small SQLite write, far inside 3 s.
/// </remarks>
internal sealed class SlackEventReceiver(
    SlackEventFilter filter,
    ISlackEventLedger ledger,
    ITranscriptStore transcript,
    SlackWorkQueue queue,
    SlackIdentityAccessor identity,
    IOptions<TurnOptions> turnOptions,
    TimeProvider timeProvider,
    ILogger<SlackEventReceiver> logger)
{
    // Leaves room inside Slack's 3-second ack window when the queue is momentarily full.
    private static readonly TimeSpan EnqueueWait = TimeSpan.FromSeconds(1);

    public async Task<SlackReceiveResult> ReceiveAsync(ReadOnlyMemory<byte> body, int retryNum, string? retryReason, CancellationToken cancellationToken)
    {
        SlackEventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<SlackEventEnvelope>(body.Span, SlackJson.Options);
        }
        catch (JsonException)
        {
            return SlackReceiveResult.Bad("The body is not a Slack event JSON object.");
        }

        if (envelope is null)
        {
            return SlackReceiveResult.Bad("The body is not a Slack event JSON object.");
        }

        if (envelope.Type == SlackEventTypes.UrlVerification)
        {
            if (envelope.Challenge is not { Length: > 0 and <= 512 })
            {
                return SlackReceiveResult.Bad("url_verification without a usable challenge.");
            }

            Log.SlackUrlVerified(logger);
            return new SlackReceiveResult(SlackReceiveStatus.Challenge, envelope.Challenge);
        }

        var filtered = filter.Classify(envelope);
        if (filtered.Message is not { } message)
        {
            Log.SlackEventIgnored(logger, Bounded(envelope.EventId), filtered.IgnoredBecause ?? "unknown");
            return SlackReceiveResult.Accepted;
        }

        return await TakeInAsync(message, retryNum, retryReason, cancellationToken);
    }

    private async Task<SlackReceiveResult> TakeInAsync(SlackInboundMessage message, int retryNum, string? retryReason, CancellationToken cancellationToken)
    {
        // event_id is the same on every retry; (channel, ts) catches the app_mention + message twins (slack.md §2.4).
        var eventKey = "evt:" + message.EventId;
        var messageKey = $"msg:{message.TeamId}:{message.Channel}:{message.Ts}";
        if (!await ledger.TryMarkAsync(eventKey, cancellationToken))
        {
            Log.SlackEventDuplicate(logger, message.EventId, retryNum, Bounded(retryReason));
            return SlackReceiveResult.Accepted;
        }

        if (!await ledger.TryMarkAsync(messageKey, cancellationToken))
        {
            Log.SlackEventDuplicate(logger, message.EventId, retryNum, Bounded(retryReason));
            return SlackReceiveResult.Accepted;
        }

        try
        {
            SlackWork work;
            if (message.Kind == SlackMessageKind.Customer)
            {
                var activity = SlackActivityMapper.ToActivity(message, Bot(), timeProvider.GetUtcNow());
                var stored = await transcript.AppendCommittedAsync(message.ConversationId, activity, cancellationToken);
                work = new SlackCustomerTurnWork(message, stored);
            }
            else
            {
                work = new SlackAgentReplyWork(message);
            }

            if (!await queue.TryEnqueueAsync(work, EnqueueWait, timeProvider, cancellationToken))
            {
                // Overload: Slack's retry may store the message twice, which beats a stored message nobody answers.
                Log.SlackQueueFull(logger, message.EventId);
                await ForgetAsync(eventKey, messageKey);
                return SlackReceiveResult.Busy;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Boundary: the delivery was not taken in, so let Slack's retry through instead of losing it.
            Log.SlackEventStoreFailed(logger, ex, message.EventId);
            await ForgetAsync(eventKey, messageKey);
            return SlackReceiveResult.Busy;
        }

        Log.SlackEventAccepted(logger, message.EventId, message.Kind.ToString(), message.ConversationId, retryNum);
        return SlackReceiveResult.Accepted;
    }

    private async Task ForgetAsync(string eventKey, string messageKey)
    {
        // Not the request's token: the un-mark must happen even if Slack hung up.
        await ledger.ForgetAsync(messageKey, CancellationToken.None);
        await ledger.ForgetAsync(eventKey, CancellationToken.None);
    }

    private ChannelAccount Bot() =>
        new(identity.Current?.UserId ?? turnOptions.Value.BotId, turnOptions.Value.BotName, RoleTypes.Bot);

    private static string? Bounded(string? value) => value is { Length: > 64 } ? value[..64] : value;
}

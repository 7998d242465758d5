using CustomerService.Core.Activities;
using CustomerService.Core.Ports;
using CustomerService.Core.Turns;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>
/// Where customer activities enter: store durably, echo to the socket, hand the turn to the bot. Starting a
/// conversation stores a conversationUpdate (which makes the conversation exist) and runs the bot's welcome.
/// </summary>
internal sealed class DirectLineIngress(
    IServiceScopeFactory scopeFactory,
    ITurnDispatcher dispatcher,
    DirectLineHistory history,
    DirectLineStreamHub hub,
    DirectLineReplySink sink,
    DirectLineActivityMapper mapper,
    ILogger<DirectLineIngress> logger) : IDisposable
{
    private const string BusyText =
        "Sorry, I'm answering a lot of conversations right now and couldn't read that message. Please send it again in a moment.";

    // Striped locks: two concurrent starts of one conversation must not both store a conversationUpdate.
    private readonly SemaphoreSlim[] _startLocks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Starts the conversation unless it already is; returns whether it was new and the watermark to stream from.</summary>
    public async Task<(bool Created, long Watermark)> StartAsync(
        string conversationId, ChannelAccount user, string? locale, CancellationToken cancellationToken)
    {
        var gate = _startLocks[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_startLocks.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await history.ExistsAsync(conversationId, cancellationToken))
            {
                return (false, await history.LastSequenceAsync(conversationId, cancellationToken));
            }

            // Like the Azure service (§8): the bot hears conversationUpdate with itself and the user; clients never see it.
            var start = new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                ChannelId = DirectLineChannel.ChannelId,
                From = user,
                Recipient = mapper.Bot,
                Conversation = new ConversationAccount(conversationId),
                Locale = locale,
                MembersAdded = [mapper.Bot, user],
            };
            var stored = await AppendAsync(conversationId, start, cancellationToken);
            Log.ConversationStarted(logger, conversationId);
            await DispatchAsync(conversationId, stored, user, locale);
            return (true, 0);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stores a customer activity (durable before this returns), echoes it, and queues its turn.</summary>
    public async Task<StoredActivity> ReceiveAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var stored = await AppendAsync(conversationId, activity, cancellationToken);
        Log.ActivityReceived(logger, stored.Activity.Id ?? string.Empty, stored.Activity.Type, conversationId);

        // §9: the client waits for its own activity, with id and unchanged channelData, before it counts as sent.
        hub.Publish(conversationId, [stored]);
        if (!await DispatchAsync(conversationId, stored, activity.From!, activity.Locale))
        {
            Log.TurnQueueFull(logger, stored.Activity.Id ?? string.Empty, conversationId);
            var notice = new Activity
            {
                Type = ActivityTypes.Message,
                ChannelId = DirectLineChannel.ChannelId,
                From = mapper.Bot,
                Recipient = activity.From,
                Conversation = new ConversationAccount(conversationId),
                Text = BusyText,
                TextFormat = "plain",
                ReplyToId = stored.Activity.Id,
                Locale = activity.Locale,
            };
            hub.Publish(conversationId, [await AppendAsync(conversationId, notice, cancellationToken)]);
        }

        return stored;
    }

    /// <summary>Runs the turn of a customer message a previous run stored and acknowledged but never answered.</summary>
    public ValueTask<bool> ResumeAsync(UnansweredMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var inbound = message.Inbound.Activity;
        return inbound.From is null
            ? ValueTask.FromResult(false)
            : DispatchAsync(message.ConversationId, message.Inbound, inbound.From, inbound.Locale);
    }

    public void Dispose()
    {
        foreach (var gate in _startLocks)
        {
            gate.Dispose();
        }
    }

    private async Task<StoredActivity> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ITranscriptStore>();
        return await store.AppendCommittedAsync(conversationId, activity, cancellationToken);
    }

    private ValueTask<bool> DispatchAsync(string conversationId, StoredActivity stored, ChannelAccount customer, string? locale) =>
        // Not the request's token: once stored, the turn should run even if the client hangs up.
        dispatcher.EnqueueAsync(
            new TurnRequest(DirectLineChannel.ChannelId, conversationId, stored, customer, sink, locale),
            CancellationToken.None);
}

using System.Globalization;
using CustomerService.LoadGenerator.Cli;
using CustomerService.LoadGenerator.DirectLine;

namespace CustomerService.LoadGenerator.Simulation;

/// <summary>
/// One customer: opens a conversation with its own token, sends a few held-out utterances with think
/// time, waits for each reply, then starts over until the step says stop. Every call it makes is awaited.
/// </summary>
internal sealed class SimulatedCustomer(StepContext step, int index, Random random)
{
    // After a failed conversation start, wait before the next try so a broken host is not hammered.
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    private readonly ThinkTime _thinkTime = new(step.Settings.ThinkTimeMean);
    private int _conversationNumber;

    public async Task RunAsync()
    {
        try
        {
            while (!step.SendingStopped.IsCancellationRequested && step.BudgetLeft)
            {
                var started = await RunConversationAsync();
                if (!started && !await PauseAsync(RetryPause))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (step.HardStop.IsCancellationRequested)
        {
            // Ctrl+C, or the drain deadline: the step reports what it has.
        }
    }

    private async Task<bool> RunConversationAsync()
    {
        // Web Chat reserves "dl_" user ids for tokens (directline.md §2); ours are plainly synthetic.
        var requestedUserId = string.Create(CultureInfo.InvariantCulture, $"load-s{step.StepNumber}-c{index}-n{_conversationNumber++}");
        var (conversation, userId) = await OpenAsync(requestedUserId);
        if (conversation is null)
        {
            return false;
        }

        step.Counters.ConversationStarted();
        var tracker = new ReplyTracker(conversation.ConversationId!, userId);
        using var receiveStop = CancellationTokenSource.CreateLinkedTokenSource(step.HardStop);
        using var stream = step.Settings.Transport == TransportKind.WebSocket ? new DirectLineStream(step.TimeProvider) : null;
        Task receiving;
        try
        {
            receiving = stream is not null
                ? await ConnectStreamAsync(stream, conversation.StreamUrl!, tracker, step.TimeProvider, receiveStop.Token)
                : PollAsync(conversation, tracker, receiveStop.Token);
        }
        catch (Exception exception) when (IsCallFailure(exception))
        {
            step.Counters.Error(DirectLineOperation.Stream, exception);
            return false;
        }

        try
        {
            await RunTurnsAsync(conversation, userId, tracker);
        }
        finally
        {
            await StopReceivingAsync(stream, receiving, receiveStop);
            step.Counters.Add(tracker.Finish(step.Settings.ExpectedRepliesPerTurn));
        }

        return true;
    }

    private async Task<(ConversationResponse? Conversation, string UserId)> OpenAsync(string userId)
    {
        var settings = step.Settings;
        var operation = DirectLineOperation.GenerateToken;
        try
        {
            var reserved = settings.TokenEndpoint is { } path
                ? await step.Client.FetchPageTokenAsync(path, userId, step.HardStop)
                : await step.Client.GenerateTokenAsync(step.Secret!, userId, step.HardStop);

            // The page's session endpoint chooses the user and pins it in the token; then that id is ours.
            userId = reserved.UserId ?? userId;
            operation = DirectLineOperation.StartConversation;
            var started = await step.Client.StartConversationAsync(
                reserved.Token!, userId, settings.Locale, requireStreamUrl: settings.Transport == TransportKind.WebSocket, step.HardStop);

            // The token is scoped to the conversation tokens/generate reserved; starting must not switch it.
            return string.Equals(started.ConversationId, reserved.ConversationId, StringComparison.Ordinal)
                ? (started, userId)
                : throw new DirectLineProtocolException("POST conversations returned another conversation than the token was issued for.");
        }
        catch (Exception exception) when (IsCallFailure(exception))
        {
            step.Counters.Error(operation, exception);
            return (null, userId);
        }
    }

    private static async Task<Task> ConnectStreamAsync(
        DirectLineStream stream, string streamUrl, ReplyTracker tracker, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        // Same limit as a REST call (DLJS's 20 s): a socket that does not open by then is an error.
        using var connectTimer = new CancellationTokenSource(TimeSpan.FromSeconds(20), timeProvider);
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimer.Token);
        await stream.ConnectAsync(streamUrl, connectTimeout.Token);
        return ReceiveAsync(stream, tracker, cancellationToken);
    }

    private static async Task ReceiveAsync(DirectLineStream stream, ReplyTracker tracker, CancellationToken cancellationToken)
    {
        try
        {
            await stream.ReceiveAsync(tracker.OnActivities, cancellationToken);
            tracker.Close(new DirectLineProtocolException("The server closed the stream while a turn waited for its reply."));
        }
        catch (Exception exception)
        {
            tracker.Close(new DirectLineProtocolException("The stream failed while a turn waited for its reply.", exception));
            throw;
        }
    }

    private async Task PollAsync(ConversationResponse conversation, ReplyTracker tracker, CancellationToken cancellationToken)
    {
        // DLJS starts from the empty watermark (the whole history) and keeps the last truthy one (§11).
        var watermark = string.Empty;
        try
        {
            while (true)
            {
                var set = await step.Client.GetActivitiesAsync(conversation.Token!, conversation.ConversationId!, watermark, cancellationToken);
                tracker.OnActivities(set, step.TimeProvider.GetTimestamp());
                if (!string.IsNullOrEmpty(set.Watermark))
                {
                    watermark = set.Watermark;
                }

                await Task.Delay(step.Settings.PollInterval, step.TimeProvider, cancellationToken);
            }
        }
        catch (Exception exception)
        {
            tracker.Close(new DirectLineProtocolException("Polling failed while a turn waited for its reply.", exception));
            throw;
        }
    }

    private async Task RunTurnsAsync(ConversationResponse conversation, string userId, ReplyTracker tracker)
    {
        var settings = step.Settings;
        for (var turn = 0; turn < settings.TurnsPerConversation; turn++)
        {
            if (step.SendingStopped.IsCancellationRequested || !step.TryReserveTurn())
            {
                return;
            }

            var clientActivityId = "load-" + Guid.NewGuid().ToString("N");
            var message = new OutgoingMessage
            {
                From = new WireAccount { Id = userId, Role = "user" },
                Text = step.Utterances.Next(random),
                Locale = settings.Locale,
                ChannelData = new OutgoingChannelData { ClientActivityId = clientActivityId },
            };

            step.Counters.TurnPosted();
            var posted = step.TimeProvider.GetTimestamp();
            TurnSlot slot;
            try
            {
                var id = await step.Client.PostActivityAsync(conversation.Token!, conversation.ConversationId!, message, step.HardStop);
                slot = tracker.Register(id, clientActivityId);
            }
            catch (Exception exception) when (IsCallFailure(exception))
            {
                step.Counters.Error(DirectLineOperation.PostActivity, exception);
                step.Counters.TurnFailed();
                return;
            }

            if (!await AwaitReplyAsync(slot, posted))
            {
                return;
            }

            if (tracker.Escalated)
            {
                // A human now owns the conversation; a real customer waits for the agent, so this one starts afresh.
                step.Counters.Escalated();
                return;
            }

            if (turn + 1 < settings.TurnsPerConversation && !await PauseAsync(_thinkTime.Sample(random)))
            {
                return;
            }
        }
    }

    /// <summary>Waits for the turn's first reply; false when it was lost (the conversation is then abandoned).</summary>
    private async Task<bool> AwaitReplyAsync(TurnSlot slot, long posted)
    {
        var remaining = step.Settings.ReplyTimeout - step.TimeProvider.GetElapsedTime(posted);
        try
        {
            var arrived = remaining > TimeSpan.Zero || slot.FirstReply.IsCompleted
                ? await slot.FirstReply.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, step.TimeProvider, step.HardStop)
                : throw new TimeoutException();
            var latency = step.TimeProvider.GetElapsedTime(posted, arrived);

            // Timers fire a little late; a reply that arrived after the limit is lost (and counted late), not a sample.
            if (latency > step.Settings.ReplyTimeout)
            {
                throw new TimeoutException();
            }

            step.Counters.TurnReplied(latency);
            return true;
        }
        catch (Exception exception) when (exception is TimeoutException or DirectLineProtocolException)
        {
            // No reply in time, or the stream/poll loop died (its error is counted when it is awaited).
            slot.Lost = true;
            step.Counters.TurnLost();
            return false;
        }
    }

    private async Task StopReceivingAsync(DirectLineStream? stream, Task receiving, CancellationTokenSource receiveStop)
    {
        if (stream is not null)
        {
            // Close politely first, so the server can release the conversation's subscription at once.
            using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), step.TimeProvider);
            await stream.CloseAsync(closeTimeout.Token);
        }

        await receiveStop.CancelAsync();
        try
        {
            await receiving;
        }
        catch (OperationCanceledException exception) when (exception.InnerException is not TimeoutException)
        {
            // We cancelled it ourselves to end the conversation; HttpClient's own time limit is not this case.
        }
        catch (Exception exception) when (IsCallFailure(exception))
        {
            step.Counters.Error(stream is null ? DirectLineOperation.GetActivities : DirectLineOperation.Stream, exception);
        }
    }

    /// <summary>Waits, unless the step stops sending first; false when it did.</summary>
    private async Task<bool> PauseAsync(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return !step.SendingStopped.IsCancellationRequested;
        }

        try
        {
            await Task.Delay(delay, step.TimeProvider, step.SendingStopped);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // Failures of a call to the server under test are measurements; a cancelled hard stop is not one of them.
    private bool IsCallFailure(Exception exception) =>
        exception is DirectLineHttpException or DirectLineProtocolException or HttpRequestException
            or System.Net.WebSockets.WebSocketException or IOException or TimeoutException
        || (exception is OperationCanceledException && !step.HardStop.IsCancellationRequested);
}

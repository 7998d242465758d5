using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Agents;

/// <summary>
/// <c>GET /api/agent/events</c>: Server-Sent Events from <see cref="AgentEventHub"/>. The stream starts with a
/// resync (the page loads the queues from the store), so an event missed while disconnected is never lost.
/// </summary>
internal static class AgentEventsEndpoints
{
    // Streams end after this long so an expired or revoked sign-in cannot keep one open; EventSource reconnects
    // by itself and the reconnect is authenticated again.
    private static readonly TimeSpan MaxStreamDuration = TimeSpan.FromMinutes(30);

    // Tells EventSource how long to wait before reconnecting, in milliseconds.
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    public static RouteGroupBuilder MapAgentEvents(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/events", Stream);
        return api;
    }

    private static Results<ServerSentEventsResult<AgentEvent>, ProblemHttpResult> Stream(
        AgentEventHub hub,
        IOptions<AgentsOptions> options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var subscription = hub.Subscribe();
        if (subscription is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many live-update streams",
                detail: "Close some agent pages and try again.");
        }

        return TypedResults.ServerSentEvents(ReadAsync(subscription, options.Value.LiveUpdateKeepAlive, timeProvider, cancellationToken));
    }

    internal static async IAsyncEnumerable<SseItem<AgentEvent>> ReadAsync(
        AgentEventHub.Subscription subscription,
        TimeSpan keepAlive,
        TimeProvider timeProvider,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var _ = subscription;
        using var lifetime = new CancellationTokenSource(MaxStreamDuration, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Token);
        var token = linked.Token;

        yield return Item(new AgentEvent(AgentEventKinds.Resync, null));
        Task<bool>? pending = null;
        while (!token.IsCancellationRequested)
        {
            pending ??= subscription.Reader.WaitToReadAsync(token).AsTask();
            using (var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(token))
            {
                var delay = Task.Delay(keepAlive, timeProvider, delayCancel.Token);
                var first = await Task.WhenAny(pending, delay);
                await delayCancel.CancelAsync();
                if (first != pending)
                {
                    if (token.IsCancellationRequested)
                    {
                        break;
                    }

                    yield return Item(new AgentEvent(AgentEventKinds.Ping, null));
                    continue;
                }
            }

            // The wait ends with false when the subscription completes and with cancellation when the client goes.
            bool more;
            try
            {
                more = await pending;
            }
            catch (OperationCanceledException)
            {
                break;
            }

            pending = null;
            if (!more)
            {
                break;
            }

            if (subscription.TakeLagging())
            {
                yield return Item(new AgentEvent(AgentEventKinds.Resync, null));
            }

            while (subscription.Reader.TryRead(out var agentEvent))
            {
                yield return Item(agentEvent);
            }
        }
    }

    private static SseItem<AgentEvent> Item(AgentEvent agentEvent) =>
        new(agentEvent, agentEvent.Kind) { ReconnectionInterval = ReconnectDelay };
}

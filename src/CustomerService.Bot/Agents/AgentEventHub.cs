using System.Threading.Channels;

namespace CustomerService.Bot.Agents;

/// <summary>
/// In-process fan-out of <see cref="AgentEvent"/>s to every open <c>/agent</c> page. Each subscriber has a small
/// bounded buffer; a slow page loses the oldest events and is told to resync, so one stalled browser can neither
/// grow memory nor slow the turn that notified.
/// </summary>
internal sealed class AgentEventHub(ILogger<AgentEventHub> logger) : IAgentNotifier
{
    /// <summary>Open streams allowed at once; agents are few, so more is a leak or abuse.</summary>
    public const int MaxSubscribers = 500;

    private const int BufferCapacity = 128;

    private readonly ILogger<AgentEventHub> _logger = logger;
    private readonly Dictionary<long, Subscription> _subscribers = [];
    private readonly Lock _lock = new();
    private long _nextId;

    public int SubscriberCount
    {
        get
        {
            lock (_lock)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Opens a stream; null when <see cref="MaxSubscribers"/> are already open.</summary>
    public Subscription? Subscribe()
    {
        lock (_lock)
        {
            if (_subscribers.Count >= MaxSubscribers)
            {
                Log.TooManySubscribers(_logger, _subscribers.Count);
                return null;
            }

            var subscription = new Subscription(this, ++_nextId);
            _subscribers.Add(subscription.Id, subscription);
            Log.SubscriberConnected(_logger, subscription.Id, _subscribers.Count);
            return subscription;
        }
    }

    public ValueTask EscalationChangedAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        Publish(new AgentEvent(AgentEventKinds.Escalation, conversationId));
        return ValueTask.CompletedTask;
    }

    public ValueTask ConversationActivityAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        Publish(new AgentEvent(AgentEventKinds.Activity, conversationId));
        return ValueTask.CompletedTask;
    }

    private void Publish(AgentEvent agentEvent)
    {
        Subscription[] targets;
        lock (_lock)
        {
            targets = [.. _subscribers.Values];
        }

        foreach (var target in targets)
        {
            target.Write(agentEvent);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            if (_subscribers.Remove(subscription.Id))
            {
                Log.SubscriberDisconnected(_logger, subscription.Id, _subscribers.Count);
            }
        }
    }

    /// <summary>One open stream. Dispose it when the request ends.</summary>
    internal sealed class Subscription : IDisposable
    {
        private readonly AgentEventHub _hub;
        private readonly Channel<AgentEvent> _channel;
        private int _lagging;

        public Subscription(AgentEventHub hub, long id)
        {
            _hub = hub;
            Id = id;
            _channel = Channel.CreateBounded<AgentEvent>(
                new BoundedChannelOptions(BufferCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => OnDropped());
        }

        public long Id { get; }

        public ChannelReader<AgentEvent> Reader => _channel.Reader;

        /// <summary>True once events were dropped since the last call; the stream then sends a resync.</summary>
        public bool TakeLagging() => Interlocked.Exchange(ref _lagging, 0) == 1;

        public void Write(AgentEvent agentEvent) => _channel.Writer.TryWrite(agentEvent);

        public void Dispose()
        {
            _channel.Writer.TryComplete();
            _hub.Remove(this);
        }

        private void OnDropped()
        {
            if (Interlocked.Exchange(ref _lagging, 1) == 0)
            {
                Log.SubscriberLagging(_hub._logger, Id);
            }
        }
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Core.Turns;

/// <summary>
/// The bounded turn queue. Admission counts turns queued or running, so backpressure holds even while
/// turns wait behind an earlier turn of their conversation; <see cref="TurnWorker"/> drains the channel.
/// </summary>
internal sealed partial class TurnDispatcher : ITurnDispatcher, IDisposable
{
    private readonly Channel<TurnRequest> _queue;
    private readonly SemaphoreSlim _admission;
    private readonly TimeSpan _enqueueTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<TurnDispatcher> _logger;

    public TurnDispatcher(IOptions<TurnOptions> options, TimeProvider timeProvider, ILogger<TurnDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var capacity = options.Value.QueueCapacity;
        _queue = Channel.CreateBounded<TurnRequest>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _admission = new SemaphoreSlim(capacity, capacity);
        _enqueueTimeout = options.Value.EnqueueTimeout;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public ChannelReader<TurnRequest> Reader => _queue.Reader;

    public async ValueTask<bool> EnqueueAsync(TurnRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_admission.Wait(0, CancellationToken.None))
        {
            using var timeout = new CancellationTokenSource(_enqueueTimeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                await _admission.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                Log.QueueFull(_logger, request.ConversationId, _enqueueTimeout.TotalSeconds);
                return false;
            }
        }

        // Admission guarantees room, so TryWrite only fails once the worker has shut the queue.
        if (!_queue.Writer.TryWrite(request))
        {
            _admission.Release();
            Log.QueueClosed(_logger, request.ConversationId);
            return false;
        }

        return true;
    }

    /// <summary>Called by the worker when a dequeued turn finished (or was dropped), freeing its place.</summary>
    public void MarkDone() => _admission.Release();

    /// <summary>No more turns: the host is stopping.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    public void Dispose() => _admission.Dispose();

    private static partial class Log
    {
        [LoggerMessage(1010, LogLevel.Warning, "Turn queue full for {TimeoutSeconds} s; turn of conversation {ConversationId} refused")]
        public static partial void QueueFull(ILogger logger, string conversationId, double timeoutSeconds);

        [LoggerMessage(1011, LogLevel.Information, "Turn queue closed (shutting down); turn of conversation {ConversationId} refused")]
        public static partial void QueueClosed(ILogger logger, string conversationId);
    }
}

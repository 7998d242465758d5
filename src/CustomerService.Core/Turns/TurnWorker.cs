using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Core.Turns;

/// <summary>
/// Drains the turn queue. Each conversation gets at most one runner, which takes its turns in arrival
/// order; runners of different conversations share Turns:MaxConcurrentTurns slots.
/// </summary>
internal sealed partial class TurnWorker : BackgroundService
{
    private readonly TurnDispatcher _dispatcher;
    private readonly ITurnProcessor _processor;
    private readonly ILogger<TurnWorker> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly Dictionary<string, Queue<TurnRequest>> _waiting = new(StringComparer.Ordinal);
    private readonly List<Task> _runners = [];

    public TurnWorker(TurnDispatcher dispatcher, ITurnProcessor processor, IOptions<TurnOptions> options, ILogger<TurnWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dispatcher = dispatcher;
        _processor = processor;
        _logger = logger;
        _slots = new SemaphoreSlim(options.Value.MaxConcurrentTurns, options.Value.MaxConcurrentTurns);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _dispatcher.Complete();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in _dispatcher.Reader.ReadAllAsync(stoppingToken))
            {
                Schedule(request, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: stop taking turns; the runners below finish or cancel theirs.
        }

        Task[] running;
        lock (_waiting)
        {
            running = [.. _runners];
        }

        await Task.WhenAll(running);
    }

    private void Schedule(TurnRequest request, CancellationToken stoppingToken)
    {
        lock (_waiting)
        {
            if (_waiting.TryGetValue(request.ConversationId, out var queue))
            {
                queue.Enqueue(request);
                return;
            }

            queue = new Queue<TurnRequest>();
            queue.Enqueue(request);
            _waiting.Add(request.ConversationId, queue);
            _runners.RemoveAll(t => t.IsCompleted);

            // Task.Run so a turn that completes synchronously cannot stall the reader loop.
            _runners.Add(Task.Run(() => RunConversationAsync(request.ConversationId, queue, stoppingToken), CancellationToken.None));
        }
    }

    private async Task RunConversationAsync(string conversationId, Queue<TurnRequest> queue, CancellationToken stoppingToken)
    {
        while (true)
        {
            TurnRequest next;
            lock (_waiting)
            {
                if (queue.Count == 0)
                {
                    _waiting.Remove(conversationId);
                    return;
                }

                next = queue.Dequeue();
            }

            try
            {
                await RunOneAsync(next, stoppingToken);
            }
            finally
            {
                _dispatcher.MarkDone();
            }
        }
    }

    private async Task RunOneAsync(TurnRequest request, CancellationToken stoppingToken)
    {
        try
        {
            await _slots.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            Log.TurnDropped(_logger, request.ConversationId, request.Inbound.Activity.Id);
            return;
        }

        try
        {
            await _processor.ProcessAsync(request, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Log.TurnDropped(_logger, request.ConversationId, request.Inbound.Activity.Id);
        }
        catch (Exception ex)
        {
            // The error boundary answers inside the pipeline; what lands here failed at commit or publish.
            Log.TurnFailed(_logger, ex, request.ConversationId, request.Inbound.Activity.Id);
        }
        finally
        {
            _slots.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1020, LogLevel.Error, "Turn of conversation {ConversationId} activity {ActivityId} failed outside the pipeline (commit or publish)")]
        public static partial void TurnFailed(ILogger logger, Exception exception, string conversationId, string? activityId);

        [LoggerMessage(1021, LogLevel.Information, "Shutting down: turn of conversation {ConversationId} activity {ActivityId} not run")]
        public static partial void TurnDropped(ILogger logger, string conversationId, string? activityId);
    }
}

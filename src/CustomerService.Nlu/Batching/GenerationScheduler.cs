using System.Threading.Channels;
using CustomerService.Nlu.Generation;
using CustomerService.Nlu.Onnx;
using Microsoft.Extensions.Logging;

namespace CustomerService.Nlu.Batching;

/// <summary>
/// Continuous batching for the responder. One loop owns the decode batch: between steps it admits
/// queued sequences (each prefilled alone, then joined), and every step advances all active
/// sequences by one token in a single ORT run. Sequences that finish, are cancelled or run out of
/// time leave before the next step. The queue is bounded: a caller waits for room (backpressure),
/// and a sequence that waits longer than QueueTimeout fails with an <see cref="NluException"/>.
/// </summary>
internal sealed class GenerationScheduler : IAsyncDisposable, IDisposable
{
    private readonly Lazy<ResponderModel> _model;
    private readonly int _maxActive;
    private readonly TimeSpan _queueTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<GenerationJob> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private int _disposed;

    public GenerationScheduler(Func<ResponderModel> modelFactory, int maxActive, int queueCapacity, TimeSpan queueTimeout, TimeProvider time, ILogger logger)
    {
        _model = new Lazy<ResponderModel>(modelFactory, LazyThreadSafetyMode.ExecutionAndPublication);
        _maxActive = maxActive;
        _queueTimeout = queueTimeout;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<GenerationJob>(new BoundedChannelOptions(queueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The responder, loaded on first use.</summary>
    public ResponderModel Model => _model.Value;

    /// <summary>Sequences decoded in the last step (for metrics and tests).</summary>
    public int LastBatchSize { get; private set; }

    /// <summary>Largest batch seen so far (for tests and benchmarks).</summary>
    public int PeakBatchSize { get; private set; }

    /// <summary>Sequences waiting for a slot.</summary>
    public int QueuedCount => _queue.Reader.Count;

    /// <summary>Queues a sequence; waits for room in the queue up to QueueTimeout.</summary>
    public async ValueTask SubmitAsync(ActiveSequence sequence, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var job = new GenerationJob(sequence, _time.GetTimestamp());
        if (_queue.Writer.TryWrite(job))
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_queueTimeout);
        try
        {
            await _queue.Writer.WriteAsync(job, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NluException(OnnxModelHost.ResponderName, NluStage.Queue, $"generation queue stayed full for {_queueTimeout}; the responder is overloaded");
        }
        catch (ChannelClosedException ex)
        {
            throw new NluException(OnnxModelHost.ResponderName, NluStage.Queue, "the generation scheduler is shutting down", ex);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _stopping.Cancel();
        try
        {
            _loop.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation on shutdown; that is not an error.
        }

        _stopping.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task RunAsync()
    {
        DecodeBatch? batch = null;
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                if ((batch?.Count ?? 0) == 0 && !await _queue.Reader.WaitToReadAsync(_stopping.Token))
                {
                    return;
                }

                while ((batch?.Count ?? 0) < _maxActive && _queue.Reader.TryRead(out var job))
                {
                    // Queue wait ends when the job is taken, before any model loading or prefill.
                    if (TimedOutInQueue(job))
                    {
                        continue;
                    }

                    batch ??= TryCreateBatch(job);
                    if (batch is not null)
                    {
                        Admit(batch, job);
                    }
                }

                if (batch is null || batch.Count == 0)
                {
                    continue;
                }

                try
                {
                    LastBatchSize = batch.Count;
                    PeakBatchSize = Math.Max(PeakBatchSize, LastBatchSize);
                    batch.Step();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // This loop is the boundary for every sequence in the batch: whatever broke the
                    // step fails them all with one NluException instead of killing the loop.
                    var error = ex as NluException ?? new NluException(OnnxModelHost.ResponderName, NluStage.Decode, ex.Message, ex);
                    Log.BatchStepFailed(_logger, error, batch.Count);
                    foreach (var sequence in batch.Clear())
                    {
                        sequence.Fail(error);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutdown.
        }
        finally
        {
            var shutdown = new NluException(OnnxModelHost.ResponderName, NluStage.Queue, "the generation scheduler stopped");
            if (batch is not null)
            {
                foreach (var sequence in batch.Clear())
                {
                    sequence.Fail(shutdown);
                }

                batch.Dispose();
            }

            while (_queue.Reader.TryRead(out var job))
            {
                job.Sequence.Fail(shutdown);
            }
        }
    }

    private DecodeBatch? TryCreateBatch(GenerationJob job)
    {
        try
        {
            return new DecodeBatch(Model);
        }
        catch (NluException ex)
        {
            job.Sequence.Fail(ex);
            return null;
        }
    }

    private bool TimedOutInQueue(GenerationJob job)
    {
        var waited = _time.GetElapsedTime(job.EnqueuedAt);
        if (waited <= _queueTimeout)
        {
            return false;
        }

        Log.QueueTimedOut(_logger, OnnxModelHost.ResponderName, waited.TotalMilliseconds);
        job.Sequence.Fail(new NluException(OnnxModelHost.ResponderName, NluStage.Queue, $"waited {waited.TotalMilliseconds:F0} ms for a generation slot (limit {_queueTimeout})"));
        return true;
    }

    private void Admit(DecodeBatch batch, GenerationJob job)
    {
        var sequence = job.Sequence;
        sequence.CheckLimits();
        if (sequence.IsFinished)
        {
            return;
        }

        try
        {
            var (logits, cache) = Model.Prefill(sequence.PromptIds);
            sequence.AcceptPrefill(logits);
            if (sequence.IsFinished)
            {
                cache.Dispose();
            }
            else
            {
                batch.Join(sequence, cache);
            }
        }
        catch (NluException ex)
        {
            sequence.Fail(ex);
        }
    }
}

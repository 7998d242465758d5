using System.Threading.Channels;
using CustomerService.Core.Ports;
using CustomerService.Nlu.Classification;
using CustomerService.Nlu.Onnx;
using Microsoft.Extensions.Logging;

namespace CustomerService.Nlu.Batching;

/// <summary>
/// Micro-batches classification across concurrent callers. One loop takes what is queued (up to
/// MaxBatchSize texts) and runs it as one batch; while other callers are still submitting it waits
/// up to BatchWindow for them, and a lone caller is served at once. Requests that arrive during a
/// run form the next batch. The queue is bounded (callers wait for room), and a text that waited
/// longer than QueueTimeout fails with an <see cref="NluException"/> instead of hanging.
/// </summary>
internal sealed class ClassificationBatcher : IAsyncDisposable, IDisposable
{
    private readonly Lazy<IntentModel> _model;
    private readonly ClassifierOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<ClassificationJob> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private int _arriving;
    private int _disposed;

    public ClassificationBatcher(Func<IntentModel> modelFactory, ClassifierOptions options, TimeProvider time, ILogger logger)
    {
        _model = new Lazy<IntentModel>(modelFactory, LazyThreadSafetyMode.ExecutionAndPublication);
        _options = options;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<ClassificationJob>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The classifier, loaded on first use.</summary>
    public IntentModel Model => _model.Value;

    /// <summary>Largest batch run so far (for tests and benchmarks).</summary>
    public int PeakBatchSize { get; private set; }

    public async Task<IReadOnlyList<IntentPrediction>> ClassifyAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (texts.Count == 0)
        {
            return [];
        }

        // _arriving counts texts announced but not yet being written, so the loop knows whether
        // waiting for the batch window can pay off; each text leaves the count just before its write.
        var jobs = new ClassificationJob[texts.Count];
        Interlocked.Add(ref _arriving, texts.Count);
        var announced = texts.Count;
        try
        {
            var now = _time.GetTimestamp();
            for (var i = 0; i < texts.Count; i++)
            {
                jobs[i] = new ClassificationJob(texts[i] ?? string.Empty, now, cancellationToken);
                Interlocked.Decrement(ref _arriving);
                announced--;
                await EnqueueAsync(jobs[i], cancellationToken);
            }
        }
        finally
        {
            Interlocked.Add(ref _arriving, -announced);
        }

        var results = new IntentPrediction[jobs.Length];
        for (var i = 0; i < jobs.Length; i++)
        {
            results[i] = await jobs[i].Result.Task.WaitAsync(cancellationToken);
        }

        return results;
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

    private async ValueTask EnqueueAsync(ClassificationJob job, CancellationToken cancellationToken)
    {
        if (_queue.Writer.TryWrite(job))
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.QueueTimeout);
        try
        {
            await _queue.Writer.WriteAsync(job, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NluException(OnnxModelHost.ClassifierName, NluStage.Queue, $"classification queue stayed full for {_options.QueueTimeout}; the classifier is overloaded");
        }
        catch (ChannelClosedException ex)
        {
            throw new NluException(OnnxModelHost.ClassifierName, NluStage.Queue, "the classification batcher is shutting down", ex);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<ClassificationJob>(_options.MaxBatchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                batch.Clear();
                await CollectAsync(batch);
                Run(batch);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutdown.
        }
        finally
        {
            var shutdown = new NluException(OnnxModelHost.ClassifierName, NluStage.Queue, "the classification batcher stopped");
            foreach (var job in batch)
            {
                job.Result.TrySetException(shutdown);
            }

            while (_queue.Reader.TryRead(out var job))
            {
                job.Result.TrySetException(shutdown);
            }
        }
    }

    // Takes what is queued; waits up to BatchWindow for more only while other callers are mid-submission.
    private async Task CollectAsync(List<ClassificationJob> batch)
    {
        var deadline = _time.GetTimestamp();
        var windowStarted = false;
        while (batch.Count < _options.MaxBatchSize)
        {
            if (_queue.Reader.TryRead(out var job))
            {
                batch.Add(job);
                continue;
            }

            if (Volatile.Read(ref _arriving) <= 0 || _options.BatchWindow <= TimeSpan.Zero)
            {
                return;
            }

            if (!windowStarted)
            {
                windowStarted = true;
                deadline = _time.GetTimestamp();
            }

            var remaining = _options.BatchWindow - _time.GetElapsedTime(deadline);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var window = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            window.CancelAfter(remaining);
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(window.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void Run(List<ClassificationJob> batch)
    {
        var live = new List<ClassificationJob>(batch.Count);
        foreach (var job in batch)
        {
            var waited = _time.GetElapsedTime(job.EnqueuedAt);
            if (job.CancellationToken.IsCancellationRequested)
            {
                job.Result.TrySetCanceled(job.CancellationToken);
            }
            else if (waited > _options.QueueTimeout)
            {
                Log.QueueTimedOut(_logger, OnnxModelHost.ClassifierName, waited.TotalMilliseconds);
                job.Result.TrySetException(new NluException(OnnxModelHost.ClassifierName, NluStage.Queue, $"waited {waited.TotalMilliseconds:F0} ms for the classifier (limit {_options.QueueTimeout})"));
            }
            else
            {
                live.Add(job);
            }
        }

        if (live.Count == 0)
        {
            return;
        }

        PeakBatchSize = Math.Max(PeakBatchSize, live.Count);
        try
        {
            var predictions = Model.Classify(live.ConvertAll(j => j.Text));
            for (var i = 0; i < live.Count; i++)
            {
                live[i].Result.TrySetResult(predictions[i]);
            }
        }
        catch (NluException ex)
        {
            Log.ClassificationFailed(_logger, ex, live.Count);
            foreach (var job in live)
            {
                job.Result.TrySetException(ex);
            }
        }

        batch.Clear();
    }
}

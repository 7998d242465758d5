using CustomerService.Nlu.Batching;
using CustomerService.Nlu.Classification;
using CustomerService.Nlu.Onnx;
using CustomerService.Nlu.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Nlu.Tests.Batching;

public sealed class ClassificationBatcherTests
{
    private static readonly string[] Texts =
    [
        "where is my order?", "refund please", "cancel order 123 now", "hi", "what's the weather",
        "I was charged twice for the lamp and want my money back", "track A1234", "stop my order",
    ];

    [Fact]
    public async Task ClassifyAsync_ConcurrentCallers_BatchedWithSameResultsAsAlone()
    {
        var model = TestModels.IntentFor("tiny");
        using var gate = new ManualResetEventSlim();
        await using var batcher = new ClassificationBatcher(
            () =>
            {
                gate.Wait();
                return model;
            },
            new ClassifierOptions { MaxBatchSize = 32, BatchWindow = TimeSpan.FromMilliseconds(2) },
            TimeProvider.System,
            NullLogger.Instance);
        var alone = Texts.Select(t => model.Classify([t])[0]).ToArray();

        var calls = Texts.Select(t => Task.Run(() => batcher.ClassifyAsync([t], CancellationToken.None))).ToArray();
        await Task.Delay(100);
        gate.Set();
        var results = await Task.WhenAll(calls);

        Assert.True(batcher.PeakBatchSize > 1, $"peak batch {batcher.PeakBatchSize}");
        for (var i = 0; i < Texts.Length; i++)
        {
            var prediction = Assert.Single(results[i]);
            Assert.Equal(alone[i].Intent, prediction.Intent);
            Assert.Equal(alone[i].Confidence, prediction.Confidence, 1e-4f);
        }
    }

    [Fact]
    public async Task ClassifyAsync_ManyTexts_OnePredictionPerTextInOrder()
    {
        var model = TestModels.IntentFor("tiny");
        await using var batcher = new ClassificationBatcher(() => model, new ClassifierOptions { MaxBatchSize = 3 }, TimeProvider.System, NullLogger.Instance);

        var results = await batcher.ClassifyAsync(Texts, CancellationToken.None);

        Assert.Equal(Texts.Select(t => model.Classify([t])[0].Intent), results.Select(r => r.Intent));
    }

    [Fact]
    public async Task ClassifyAsync_WaitedPastQueueTimeout_FailsWithNluException()
    {
        var time = new FakeTimeProvider();
        using var loading = new BlockedModelLoad(TestModels.IntentFor("tiny"));
        await using var batcher = new ClassificationBatcher(loading.Load, new ClassifierOptions { QueueTimeout = TimeSpan.FromSeconds(1) }, time, NullLogger.Instance);

        await loading.WhileBlockedAsync(async () =>
        {
            var first = batcher.ClassifyAsync(["hi"], CancellationToken.None);
            loading.WaitUntilEntered();
            var call = batcher.ClassifyAsync(["where is my order?"], CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(2));
            loading.Release();

            await first;
            var error = await Assert.ThrowsAsync<NluException>(() => call);
            Assert.Equal(NluStage.Queue, error.Stage);
            Assert.Contains("waited", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ClassifyAsync_QueueFull_FailsAfterQueueTimeoutNotHang()
    {
        using var loading = new BlockedModelLoad(TestModels.IntentFor("tiny"));
        await using var batcher = new ClassificationBatcher(
            loading.Load,
            new ClassifierOptions { QueueCapacity = 1, MaxBatchSize = 1, QueueTimeout = TimeSpan.FromMilliseconds(100) },
            TimeProvider.System,
            NullLogger.Instance);

        // "a" is in the loop (blocked loading the model), "b" fills the one queue slot, "c" finds no room.
        await loading.WhileBlockedAsync(async () =>
        {
            var first = batcher.ClassifyAsync(["a"], CancellationToken.None);
            loading.WaitUntilEntered();
            var second = batcher.ClassifyAsync(["b"], CancellationToken.None);
            var error = await Assert.ThrowsAsync<NluException>(() => batcher.ClassifyAsync(["c"], CancellationToken.None));
            loading.Release();
            await first;

            Assert.Equal(NluStage.Queue, error.Stage);
            Assert.Contains("full", error.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<NluException>(() => second);
        });
    }

    /// <summary>
    /// A model factory that blocks the batcher's loop until released, so a test can fill the queue
    /// behind a job the loop already holds (waiting for that, not for a fixed delay, which a busy
    /// machine outlasts).
    /// </summary>
    private sealed class BlockedModelLoad(IntentModel model) : IDisposable
    {
        private readonly ManualResetEventSlim _entered = new();
        private readonly ManualResetEventSlim _gate = new();

        public IntentModel Load()
        {
            _entered.Set();
            _gate.Wait();
            return model;
        }

        public void WaitUntilEntered() => Assert.True(_entered.Wait(TimeSpan.FromSeconds(30)), "the batcher never started loading the model");

        public void Release() => _gate.Set();

        /// <summary>
        /// Runs a test body and releases the loop however it ends: a failed assertion must not leave the loop
        /// blocked, or disposing the batcher (which waits for its loop) hangs the whole test run.
        /// </summary>
        public async Task WhileBlockedAsync(Func<Task> body)
        {
            try
            {
                await body();
            }
            finally
            {
                Release();
            }
        }

        public void Dispose()
        {
            _gate.Set();
            _entered.Dispose();
            _gate.Dispose();
        }
    }
}

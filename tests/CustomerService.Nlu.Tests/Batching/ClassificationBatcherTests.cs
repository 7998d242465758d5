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
        var model = TestModels.IntentFor("tiny");
        var time = new FakeTimeProvider();
        using var gate = new ManualResetEventSlim();
        await using var batcher = new ClassificationBatcher(
            () =>
            {
                gate.Wait();
                return model;
            },
            new ClassifierOptions { QueueTimeout = TimeSpan.FromSeconds(1) },
            time,
            NullLogger.Instance);

        var first = batcher.ClassifyAsync(["hi"], CancellationToken.None);
        await Task.Delay(50);
        var call = batcher.ClassifyAsync(["where is my order?"], CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        gate.Set();

        await first;
        var error = await Assert.ThrowsAsync<NluException>(() => call);
        Assert.Equal(NluStage.Queue, error.Stage);
        Assert.Contains("waited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyAsync_QueueFull_FailsAfterQueueTimeoutNotHang()
    {
        var model = TestModels.IntentFor("tiny");
        using var gate = new ManualResetEventSlim();
        await using var batcher = new ClassificationBatcher(
            () =>
            {
                gate.Wait();
                return model;
            },
            new ClassifierOptions { QueueCapacity = 1, MaxBatchSize = 1, QueueTimeout = TimeSpan.FromMilliseconds(100) },
            TimeProvider.System,
            NullLogger.Instance);

        var first = batcher.ClassifyAsync(["a"], CancellationToken.None);
        await Task.Delay(50);
        var second = batcher.ClassifyAsync(["b"], CancellationToken.None);
        var error = await Assert.ThrowsAsync<NluException>(() => batcher.ClassifyAsync(["c"], CancellationToken.None));
        gate.Set();
        await first;

        Assert.Equal(NluStage.Queue, error.Stage);
        Assert.Contains("full", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NluException>(() => second);
    }
}

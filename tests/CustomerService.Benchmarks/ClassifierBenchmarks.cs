using BenchmarkDotNet.Attributes;
using CustomerService.Nlu.Batching;
using CustomerService.Nlu.Classification;
using CustomerService.Nlu.Onnx;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerService.Benchmarks;

/// <summary>
/// Classifier latency for a batch of 1/8/32 texts in one call, and N concurrent single-text callers
/// unbatched (each its own ORT run) vs through the micro-batcher.
/// </summary>
public class ClassifierBenchmarks : IDisposable
{
    private static readonly string[] Messages =
    [
        "where is my order?", "I want a refund for the broken lamp", "please cancel order A1234",
        "how do I change my shipping address", "I was charged twice this month", "can I talk to a human",
        "my parcel never arrived", "do you ship to Canada?",
    ];

    private OnnxModelHost _host = null!;
    private IntentModel _model = null!;
    private ClassificationBatcher _batcher = null!;
    private string[] _texts = null!;

    [Params(1, 8, 32)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchmarkModels.CreateHost();
        _model = new IntentModel(_host.Classifier, _host.Tokenizer, 128);
        _batcher = new ClassificationBatcher(() => _model, new ClassifierOptions(), TimeProvider.System, NullLogger.Instance);
        _texts = [.. Enumerable.Range(0, Size).Select(i => Messages[i % Messages.Length])];
        _model.Classify(_texts);
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        _batcher?.Dispose();
        _host?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>One call with Size texts (batch of Size in one ORT run).</summary>
    [Benchmark]
    public int BatchInOneCall() => _model.Classify(_texts).Count;

    /// <summary>Size concurrent callers, each running its own single-text inference.</summary>
    [Benchmark]
    public async Task<int> ConcurrentUnbatched()
    {
        var calls = _texts.Select(t => Task.Run(() => _model.Classify([t]))).ToArray();
        return (await Task.WhenAll(calls)).Length;
    }

    /// <summary>Size concurrent callers through the micro-batcher (the IIntentClassifier path).</summary>
    [Benchmark]
    public async Task<int> ConcurrentBatched()
    {
        var calls = _texts.Select(t => Task.Run(() => _batcher.ClassifyAsync([t], CancellationToken.None))).ToArray();
        return (await Task.WhenAll(calls)).Length;
    }
}

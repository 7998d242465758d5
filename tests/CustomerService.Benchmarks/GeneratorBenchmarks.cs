using BenchmarkDotNet.Attributes;
using CustomerService.Core.Ports;
using CustomerService.Nlu.Batching;
using CustomerService.Nlu.Generation;
using CustomerService.Nlu.Onnx;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerService.Benchmarks;

/// <summary>
/// Greedy generation of <see cref="TokensPerStream"/> tokens for each of N concurrent streams:
/// continuous batching (one scheduler, all streams in one decode batch) vs unbatched (every stream
/// its own batch-of-one loop, running concurrently). Tokens/s column = N × tokens / mean time.
/// </summary>
[GeneratedTokens(TokensPerStream)]
public class GeneratorBenchmarks : IDisposable
{
    public const int TokensPerStream = 32;

    private static readonly GenerationRequest[] Requests =
    [
        new("where is my order?", "track_order", new CustomerContext("Ada", "A1234", "shipped", "track_order", [])),
        new("I want a refund for the broken lamp", "get_refund", CustomerContext.Anonymous),
        new("please cancel my last order", "cancel_order", new CustomerContext("Bo", "B77", null, null, [])),
        new("hi, can you help me change my shipping address?", "change_shipping_address", CustomerContext.Anonymous),
    ];

    private OnnxModelHost _host = null!;
    private ResponderModel _model = null!;
    private int[][] _prompts = null!;

    [Params(1, 4, 16, 64)]
    public int Streams { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchmarkModels.CreateHost();
        _model = new ResponderModel(_host.Responder, _host.Tokenizer);
        _prompts = [.. Requests.Select(r => PromptWindow.Fit(_model.Tokenizer, r, TokensPerStream, _model.MaxPositions, _model.Name).Ids)];
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        _host?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public async Task<int> Batched()
    {
        await using var scheduler = new GenerationScheduler(() => _model, Streams, 1024, TimeSpan.FromMinutes(5), TimeProvider.System, NullLogger.Instance);
        return await RunStreamsAsync(_ => scheduler);
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Unbatched()
    {
        var schedulers = Enumerable.Range(0, Streams)
            .Select(_ => new GenerationScheduler(() => _model, 1, 4, TimeSpan.FromMinutes(5), TimeProvider.System, NullLogger.Instance))
            .ToArray();
        try
        {
            return await RunStreamsAsync(i => schedulers[i]);
        }
        finally
        {
            foreach (var scheduler in schedulers)
            {
                await scheduler.DisposeAsync();
            }
        }
    }

    private async Task<int> RunStreamsAsync(Func<int, GenerationScheduler> schedulerFor)
    {
        var runs = new List<Task<int>>();
        for (var i = 0; i < Streams; i++)
        {
            runs.Add(await GreedyStream.StartAsync(schedulerFor(i), _model, _prompts[i % _prompts.Length], i));
        }

        var counts = await Task.WhenAll(runs);
        var total = counts.Sum();
        if (total != Streams * TokensPerStream)
        {
            throw new InvalidOperationException($"generated {total} tokens, expected {Streams * TokensPerStream}");
        }

        return total;
    }
}

using System.Numerics.Tensors;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CustomerService.Nlu.Batching;
using CustomerService.Nlu.Generation;
using CustomerService.Nlu.Onnx;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CustomerService.Benchmarks;

/// <summary>
/// One stream, greedy, on the prompts transformers.js is timed with (tests/transformersjs/expected):
/// our generator against a bare ONNX Runtime loop on the same session (prefill, then one token per run,
/// argmax, no sampling, batching or streaming code). The bare loop is what any runtime on this graph
/// costs at least, so it bounds how far ahead of transformers.js our generator can get.
/// </summary>
[GeneratedTokens(PromptCount * GeneratorBenchmarks.TokensPerStream)]
public class RuntimeCeilingBenchmarks : IDisposable
{
    /// <summary>The golden files hold six prompts; every operation runs them all, one after the other.</summary>
    private const int PromptCount = 6;

    private OnnxModelHost _host = null!;
    private ResponderModel _model = null!;
    private int[][] _prompts = null!;
    private int[][] _goldenTokens = null!;
    private string[] _inputNames = null!;
    private string[] _outputNames = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = BenchmarkModels.CreateHost();
        _model = new ResponderModel(_host.Responder, _host.Tokenizer);
        (_prompts, _goldenTokens) = LoadGolden();
        var pastNames = Enumerable.Range(0, _model.Layers)
            .SelectMany(layer => new[] { $"past_key_values.{layer}.key", $"past_key_values.{layer}.value" });
        _inputNames = [.. (_host.Responder.HasPositionIds ? ["input_ids", "attention_mask", "position_ids"] : new[] { "input_ids", "attention_mask" }), .. pastNames];
        _outputNames = ["logits", .. Enumerable.Range(0, _model.Layers).SelectMany(layer => new[] { $"present.{layer}.key", $"present.{layer}.value" })];

        // Both methods must do the work transformers.js does: the bare loop's tokens are the golden ones.
        for (var i = 0; i < _prompts.Length; i++)
        {
            var tokens = new List<int>();
            BareGreedy(_prompts[i], tokens);
            var golden = _goldenTokens[i];
            if (!tokens.Take(golden.Length).SequenceEqual(golden))
            {
                throw new InvalidOperationException($"bare loop tokens differ from the golden greedy tokens of prompt {i}");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        _host?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Generator()
    {
        await using var scheduler = new GenerationScheduler(() => _model, 1, 4, TimeSpan.FromMinutes(5), TimeProvider.System, NullLogger.Instance);
        var total = 0;
        foreach (var prompt in _prompts)
        {
            total += await await GreedyStream.StartAsync(scheduler, _model, prompt, 0);
        }

        return Expect(total);
    }

    [Benchmark]
    public int BareOrtLoop()
    {
        var total = 0;
        foreach (var prompt in _prompts)
        {
            total += BareGreedy(prompt, null);
        }

        return Expect(total);
    }

    private int BareGreedy(int[] prompt, List<int>? tokens)
    {
        var session = _host.Responder.Session;
        using var runOptions = new RunOptions();
        var past = new OrtValue[_outputNames.Length - 1];
        for (var i = 0; i < past.Length; i++)
        {
            past[i] = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, [1, _model.Heads, 0, _model.HeadDim]);
        }

        var ids = prompt.Select(id => (long)id).ToArray();
        var positions = Enumerable.Range(0, prompt.Length).Select(p => (long)p).ToArray();
        var mask = new long[prompt.Length + GeneratorBenchmarks.TokensPerStream];
        Array.Fill(mask, 1L);
        var length = prompt.Length;
        var generated = 0;
        try
        {
            while (true)
            {
                var rows = ids.Length;
                using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, [1, rows]);
                using var maskValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, mask.AsMemory(0, length), [1, length]);
                using var positionsValue = OrtValue.CreateTensorValueFromMemory(positions, [1, rows]);
                OrtValue[] inputs = _host.Responder.HasPositionIds ? [idsValue, maskValue, positionsValue, .. past] : [idsValue, maskValue, .. past];
                // Not disposed as a collection: the presents become the next past, as in ResponderModel.
                var outputs = session.Run(runOptions, _inputNames, inputs, _outputNames);
                int next;
                using (var logits = outputs[0])
                {
                    next = TensorPrimitives.IndexOfMax(logits.GetTensorDataAsSpan<float>().Slice((rows - 1) * _model.VocabSize, _model.VocabSize));
                }

                for (var i = 0; i < past.Length; i++)
                {
                    past[i].Dispose();
                    past[i] = outputs[i + 1];
                }

                tokens?.Add(next);
                generated++;
                if (generated == GeneratorBenchmarks.TokensPerStream)
                {
                    return generated;
                }

                ids = [next];
                positions = [length];
                length++;
            }
        }
        finally
        {
            foreach (var value in past)
            {
                value.Dispose();
            }
        }
    }

    private static int Expect(int total) => total == PromptCount * GeneratorBenchmarks.TokensPerStream
        ? total
        : throw new InvalidOperationException($"generated {total} tokens, expected {PromptCount * GeneratorBenchmarks.TokensPerStream}");

    /// <summary>The prompt ids and greedy tokens (which may end early at end-of-text) of the golden file.</summary>
    private static (int[][] Prompts, int[][] Greedy) LoadGolden()
    {
        var file = Path.Combine(Environment.CurrentDirectory, "tests", "transformersjs", "expected", Path.GetFileName(BenchmarkModels.ResponderPath) + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var prompts = document.RootElement.GetProperty("prompts").EnumerateArray().ToArray();
        if (prompts.Length != PromptCount)
        {
            throw new InvalidOperationException($"{file} has {prompts.Length} prompts, expected {PromptCount}");
        }

        static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(id => id.GetInt32())];
        return ([.. prompts.Select(p => Ints(p.GetProperty("ids")))], [.. prompts.Select(p => Ints(p.GetProperty("greedy")))]);
    }
}

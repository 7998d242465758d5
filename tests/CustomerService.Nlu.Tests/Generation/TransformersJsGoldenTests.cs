using System.Security.Cryptography;
using System.Text.Json;
using CustomerService.Core.Ports;
using CustomerService.Nlu.Batching;
using CustomerService.Nlu.Generation;
using CustomerService.Nlu.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerService.Nlu.Tests.Generation;

/// <summary>
/// Pins our greedy output for a fixed prompt set to tests/transformersjs/expected/&lt;model&gt;.json;
/// tests/transformersjs/check.mjs checks transformers.js against the same file, so both runtimes
/// must agree token for token. After retraining a model, regenerate with
/// <c>NLU_UPDATE_GOLDENS=$PWD/tests/transformersjs/expected dotnet test --filter TransformersJs</c>.
/// </summary>
public sealed class TransformersJsGoldenTests
{
    private const int Steps = 32;
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static TheoryData<string> ModelSets => new() { "tiny", "shipped" };

    [Theory]
    [MemberData(nameof(ModelSets))]
    public async Task Generate_FixedPrompts_EqualCommittedGoldenThatTransformersJsChecks(string set)
    {
        var model = TestModels.ResponderFor(set);
        var name = Path.GetFileName(TestModels.HostFor(set).ResponderFolder);
        var current = await ComputeAsync(model, Path.Combine(TestModels.HostFor(set).ResponderFolder, "onnx", "model.onnx"), name);
        var updateDirectory = Environment.GetEnvironmentVariable("NLU_UPDATE_GOLDENS");
        if (!string.IsNullOrEmpty(updateDirectory))
        {
            await File.WriteAllTextAsync(Path.Combine(updateDirectory, name + ".json"), JsonSerializer.Serialize(current, JsonOptions) + "\n");
            return;
        }

        var goldenPath = Path.Combine(TestModels.Root, "transformersjs", "expected", name + ".json");
        Assert.True(File.Exists(goldenPath), $"{goldenPath} missing; create it with NLU_UPDATE_GOLDENS (see class comment)");
        var golden = JsonSerializer.Deserialize<Golden>(await File.ReadAllTextAsync(goldenPath), JsonOptions)!;

        Assert.True(golden.ModelSha256 == current.ModelSha256, $"{name}.json was written for another model file; regenerate it (see class comment)");
        Assert.Equal(golden.Prompts.Count, current.Prompts.Count);
        for (var i = 0; i < golden.Prompts.Count; i++)
        {
            Assert.Equal(golden.Prompts[i].Ids, current.Prompts[i].Ids);
            Assert.Equal(golden.Prompts[i].Greedy, current.Prompts[i].Greedy);
        }
    }

    private static async Task<Golden> ComputeAsync(ResponderModel model, string onnxPath, string name)
    {
        await using var scheduler = new GenerationScheduler(() => model, 8, 64, TimeSpan.FromSeconds(30), TimeProvider.System, NullLogger.Instance);
        var requests = Requests();
        var prompts = new List<GoldenPrompt>();
        var runs = new List<(ActiveSequence Sequence, Task Done)>();
        foreach (var request in requests)
        {
            var (ids, maxNew) = PromptWindow.Fit(model.Tokenizer, request, Steps, model.MaxPositions, model.Name);
            var (sequence, output) = SequenceFactory.Greedy(model, ids, maxNew);
            await scheduler.SubmitAsync(sequence, CancellationToken.None);
            runs.Add((sequence, SequenceFactory.ReadAllAsync(output)));
            prompts.Add(new GoldenPrompt(request.CustomerText, request.Intent, ids, []));
        }

        await Task.WhenAll(runs.Select(r => r.Done));
        for (var i = 0; i < prompts.Count; i++)
        {
            prompts[i] = prompts[i] with { Greedy = [.. runs[i].Sequence.GeneratedTokens] };
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(onnxPath)));
        return new Golden(name, sha, Steps, prompts);
    }

    private static List<GenerationRequest> Requests()
    {
        var ada = new CustomerContext("Ada", "A1234", "shipped", "track_order", []);
        var bo = new CustomerContext("Bo", "B77", null, null, []);
        return
        [
            new("where is my order?", "track_order", ada),
            new("I want a refund for the broken lamp", "get_refund", CustomerContext.Anonymous),
            new("please cancel my last order", "cancel_order", bo),
            new("hi, can you help me change my shipping address?", "change_shipping_address", CustomerContext.Anonymous),
            new("my parcel 😀 never came!!", "track_order", ada),
            new("how do I create an account", "create_account", CustomerContext.Anonymous),
        ];
    }

    private sealed record Golden(string Model, string ModelSha256, int Steps, List<GoldenPrompt> Prompts);

    private sealed record GoldenPrompt(string CustomerText, string Intent, int[] Ids, int[] Greedy);
}

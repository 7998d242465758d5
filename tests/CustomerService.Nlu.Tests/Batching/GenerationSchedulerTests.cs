using CustomerService.Core.Ports;
using CustomerService.Nlu.Batching;
using CustomerService.Nlu.Generation;
using CustomerService.Nlu.Onnx;
using CustomerService.Nlu.Tests.Support;
using CustomerService.Nlu.Tokenization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Nlu.Tests.Batching;

public sealed class GenerationSchedulerTests
{
    public static TheoryData<string> ModelSets => new() { "tiny", "shipped" };

    [Theory]
    [MemberData(nameof(ModelSets))]
    public async Task Step_SequencesJoiningMidBatch_SameTokensAndLogitsAsAlone(string set)
    {
        var model = TestModels.ResponderFor(set);
        var prompts = Prompts(model);
        const int Steps = 24;
        var references = prompts.Select(p => GreedyReference.Cached(model, p, Steps)).ToArray();
        await using var scheduler = CreateScheduler(model, maxActive: 8);
        var observed = prompts.Select(_ => new List<float[]>()).ToArray();
        var sequences = new (ActiveSequence Sequence, System.Threading.Channels.ChannelReader<string> Output)[prompts.Length];
        for (var i = 0; i < prompts.Length; i++)
        {
            var index = i;
            sequences[i] = SequenceFactory.Greedy(model, prompts[i], Steps, observer: logits =>
            {
                observed[index].Add(logits);

                // The later prompts join while the first ones are mid-generation.
                if (index == 0 && observed[0].Count == 3)
                {
                    for (var j = 3; j < prompts.Length; j++)
                    {
                        scheduler.SubmitAsync(sequences[j].Sequence, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                    }
                }
            });
        }

        for (var i = 0; i < 3; i++)
        {
            await scheduler.SubmitAsync(sequences[i].Sequence, CancellationToken.None);
        }

        await Task.WhenAll(sequences.Select(s => SequenceFactory.ReadAllAsync(s.Output)));

        Assert.True(scheduler.PeakBatchSize >= 4, $"peak batch {scheduler.PeakBatchSize}");
        for (var i = 0; i < prompts.Length; i++)
        {
            var expected = UpToEndOfText(references[i].Tokens);
            Assert.Equal(expected, sequences[i].Sequence.GeneratedTokens);
            for (var step = 0; step < observed[i].Count; step++)
            {
                var maxDiff = observed[i][step].Zip(references[i].Logits[step]).Max(p => Math.Abs(p.First - p.Second));
                Assert.True(maxDiff <= 1e-4, $"prompt {i} step {step}: max logit difference {maxDiff}");
            }
        }
    }

    [Fact]
    public async Task Submit_Cancelled_SequenceLeavesAndOthersFinish()
    {
        var model = TestModels.ResponderFor("tiny");
        var prompts = Prompts(model);
        await using var scheduler = CreateScheduler(model, maxActive: 4);
        using var cancel = new CancellationTokenSource();
        var cancelled = SequenceFactory.Greedy(model, prompts[0], 40, cancellationToken: cancel.Token, observer: _ => cancel.Cancel());
        var other = SequenceFactory.Greedy(model, prompts[1], 10);

        await scheduler.SubmitAsync(cancelled.Sequence, CancellationToken.None);
        await scheduler.SubmitAsync(other.Sequence, CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SequenceFactory.ReadAllAsync(cancelled.Output));
        await SequenceFactory.ReadAllAsync(other.Output);
        Assert.Equal(FinishReason.Cancelled, cancelled.Sequence.FinishReason);
        Assert.True(cancelled.Sequence.GeneratedTokens.Count <= 2);
        Assert.NotEqual(FinishReason.Failed, other.Sequence.FinishReason);
    }

    [Fact]
    public async Task Submit_TimeBudgetSpentMidGeneration_StopsWithTextSoFar()
    {
        var model = TestModels.ResponderFor("tiny");
        var time = new FakeTimeProvider();
        await using var scheduler = CreateScheduler(model, maxActive: 4, time: time);
        var (sequence, output) = SequenceFactory.Greedy(model, Prompts(model)[0], 60, time, TimeSpan.FromSeconds(1), _ => time.Advance(TimeSpan.FromMilliseconds(300)));

        await scheduler.SubmitAsync(sequence, CancellationToken.None);
        var text = await SequenceFactory.ReadAllAsync(output);

        Assert.Equal(FinishReason.TimeBudget, sequence.FinishReason);
        Assert.InRange(sequence.GeneratedTokens.Count, 1, 4);
        Assert.NotNull(text);
    }

    [Fact]
    public async Task Submit_TimeBudgetSpentBeforeAnyText_FailsWithNluException()
    {
        var model = TestModels.ResponderFor("tiny");
        var time = new FakeTimeProvider();
        await using var scheduler = CreateScheduler(model, maxActive: 4, time: time);
        var (sequence, output) = SequenceFactory.Greedy(model, Prompts(model)[0], 60, time, TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(2));

        await scheduler.SubmitAsync(sequence, CancellationToken.None);

        var error = await Assert.ThrowsAsync<NluException>(() => SequenceFactory.ReadAllAsync(output));
        Assert.Equal(NluStage.Decode, error.Stage);
    }

    [Fact]
    public async Task Submit_NonFiniteLogits_FailsWithNluException()
    {
        var model = TestModels.ResponderFor("tiny");
        var (sequence, output) = SequenceFactory.Greedy(model, Prompts(model)[0], 10);
        var logits = new float[model.VocabSize];
        logits[5] = float.NaN;

        sequence.AcceptPrefill(logits);

        var error = await Assert.ThrowsAsync<NluException>(() => SequenceFactory.ReadAllAsync(output));
        Assert.Equal(NluStage.Sampling, error.Stage);
        Assert.Empty(sequence.GeneratedTokens);
    }

    [Fact]
    public async Task Submit_QueueFullAndSlotWaitPastTimeout_FailWithNluException()
    {
        var model = TestModels.ResponderFor("tiny");
        using var gate = new ManualResetEventSlim();
        await using var scheduler = new GenerationScheduler(
            () =>
            {
                gate.Wait();
                return model;
            },
            maxActive: 1,
            queueCapacity: 1,
            queueTimeout: TimeSpan.FromMilliseconds(100),
            TimeProvider.System,
            NullLogger.Instance);
        var prompt = Prompts(model)[0];
        var first = SequenceFactory.Greedy(model, prompt, 2);
        var second = SequenceFactory.Greedy(model, prompt, 2);
        var third = SequenceFactory.Greedy(model, prompt, 2);

        await scheduler.SubmitAsync(first.Sequence, CancellationToken.None);
        await WaitUntilAsync(() => scheduler.QueuedCount == 0);
        await scheduler.SubmitAsync(second.Sequence, CancellationToken.None);
        var full = await Assert.ThrowsAsync<NluException>(() => scheduler.SubmitAsync(third.Sequence, CancellationToken.None).AsTask());
        gate.Set();

        Assert.Equal(NluStage.Queue, full.Stage);
        await SequenceFactory.ReadAllAsync(first.Output);
        var waited = await Assert.ThrowsAsync<NluException>(() => SequenceFactory.ReadAllAsync(second.Output));
        Assert.Equal(NluStage.Queue, waited.Stage);
    }

    internal static int[][] Prompts(ResponderModel model)
    {
        string[] texts = ["where is my order?", "I want a refund for the broken lamp I bought last week, it arrived cracked", "cancel it", "hi", "my parcel 😀 never came, order A99"];
        var contexts = new[]
        {
            new CustomerContext("Ada", "A1234", "shipped", "track_order", []),
            CustomerContext.Anonymous,
            new CustomerContext("Bo", "B7", null, null, []),
            CustomerContext.Anonymous,
            new CustomerContext(null, "A99", "lost", "get_refund", []),
        };
        return [.. texts.Select((t, i) => PromptWindow.Encode(model.Tokenizer, t, i % 2 == 0 ? "track_order" : "get_refund", contexts[i]))];
    }

    private static List<int> UpToEndOfText(List<int> tokens)
    {
        var end = tokens.IndexOf(Gpt2Tokenizer.EndOfTextId);
        return end < 0 ? tokens : tokens[..(end + 1)];
    }

    private static GenerationScheduler CreateScheduler(ResponderModel model, int maxActive, TimeProvider? time = null) =>
        new(() => model, maxActive, 64, TimeSpan.FromSeconds(30), time ?? TimeProvider.System, NullLogger.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}

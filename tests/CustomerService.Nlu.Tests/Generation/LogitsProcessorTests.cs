using CustomerService.Nlu.Generation;
using CustomerService.Nlu.Onnx;

namespace CustomerService.Nlu.Tests.Generation;

public sealed class LogitsProcessorTests
{
    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void NextToken_NonFiniteLogit_ThrowsNluException(float bad)
    {
        var logits = RandomLogits(100, 1);
        logits[42] = bad;

        var error = Assert.Throws<NluException>(() => LogitsProcessor.NextToken("responder", logits, [], SamplingSettings.Greedy, new Random(1)));

        Assert.Equal(NluStage.Sampling, error.Stage);
        Assert.Equal("responder", error.ModelName);
    }

    [Fact]
    public void NextToken_TemperatureZero_IsArgMax()
    {
        var logits = RandomLogits(1000, 2);
        var expected = LogitsProcessor.ArgMax(logits);

        var token = LogitsProcessor.NextToken("m", logits, [], SamplingSettings.Greedy with { TopK = 50, TopP = 0.9f }, new Random(3));

        Assert.Equal(expected, token);
    }

    [Fact]
    public void ArgMax_Ties_LowestIdWins()
    {
        var logits = new float[1000];
        logits[700] = 3f;
        logits[300] = 3f;
        logits[5] = float.NegativeInfinity;

        Assert.Equal(300, LogitsProcessor.ArgMax(logits));
    }

    [Fact]
    public void AllFinite_LargeFiniteValues_True()
    {
        float[] logits = [float.MaxValue, float.MinValue, 0f, -1e30f];

        Assert.True(LogitsProcessor.AllFinite(logits));
    }

    [Fact]
    public void NextToken_TopPNearZero_EqualsGreedy()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var logits = RandomLogits(5000, seed);
            var greedy = LogitsProcessor.ArgMax(logits);

            var token = LogitsProcessor.NextToken("m", logits, [], new SamplingSettings(1.5f, 0, 1e-7f, 1f, 0), new Random(seed));

            Assert.Equal(greedy, token);
        }
    }

    [Fact]
    public void NextToken_TopP_KeepsTheCrossingTokenAndNothingAfter()
    {
        // Probabilities 0.5, 0.3, 0.2: with top-p 0.6 the nucleus is {0, 1} (1 crosses 0.6).
        float[] logits = [MathF.Log(0.5f), MathF.Log(0.3f), MathF.Log(0.2f)];
        var seen = new HashSet<int>();

        for (var seed = 0; seed < 400; seed++)
        {
            seen.Add(LogitsProcessor.NextToken("m", (float[])logits.Clone(), [], new SamplingSettings(1f, 0, 0.6f, 1f, 0), new Random(seed)));
        }

        Assert.Equal([0, 1], seen.Order());
    }

    [Fact]
    public void NextToken_TopPOnFlatDistribution_NeverEmpty()
    {
        var logits = new float[50257];

        var token = LogitsProcessor.NextToken("m", logits, [], new SamplingSettings(1f, 0, 0.5f, 1f, 0), new Random(5));

        Assert.InRange(token, 0, 50256);
    }

    [Fact]
    public void NextToken_TopK_OnlyTheKBestTokens()
    {
        var logits = RandomLogits(2000, 7);
        var best = Enumerable.Range(0, logits.Length).OrderByDescending(i => logits[i]).Take(5).ToHashSet();

        for (var seed = 0; seed < 300; seed++)
        {
            var token = LogitsProcessor.NextToken("m", (float[])logits.Clone(), [], new SamplingSettings(5f, 5, 1f, 1f, 0), new Random(seed));

            Assert.Contains(token, best);
        }
    }

    [Fact]
    public void NextToken_SameSeed_SameToken()
    {
        var logits = RandomLogits(3000, 9);
        var settings = new SamplingSettings(1f, 40, 0.95f, 1f, 0);

        var first = LogitsProcessor.NextToken("m", (float[])logits.Clone(), [], settings, new Random(11));
        var second = LogitsProcessor.NextToken("m", (float[])logits.Clone(), [], settings, new Random(11));

        Assert.Equal(first, second);
    }

    [Fact]
    public void ApplyRepetitionPenalty_SeenTokens_PositiveDividedNegativeMultiplied()
    {
        float[] logits = [2f, -2f, 2f, -2f];

        LogitsProcessor.ApplyRepetitionPenalty(logits, [0, 1, 1], 2f);

        Assert.Equal([1f, -4f, 2f, -2f], logits);
    }

    [Fact]
    public void ApplyNoRepeatNgram_RepeatingTrigram_BansCompletion()
    {
        var logits = new float[10];

        // History 1 2 3 ... 1 2: generating 3 would repeat the trigram (1, 2, 3).
        LogitsProcessor.ApplyNoRepeatNgram(logits, [1, 2, 3, 4, 1, 2], 3);

        Assert.True(float.IsNegativeInfinity(logits[3]));
        Assert.Equal(9, logits.Count(float.IsFinite));
    }

    [Fact]
    public void NextToken_NoRepeatNgram_GreedyAvoidsRepeat()
    {
        var logits = new float[10];
        logits[3] = 5f;
        logits[7] = 4f;

        var token = LogitsProcessor.NextToken("m", logits, [1, 2, 3, 4, 1, 2], new SamplingSettings(0f, 0, 1f, 1f, 3), new Random(1));

        Assert.Equal(7, token);
    }

    private static float[] RandomLogits(int size, int seed)
    {
        var random = new Random(seed);
        var logits = new float[size];
        for (var i = 0; i < size; i++)
        {
            logits[i] = (float)(random.NextDouble() * 20 - 10);
        }

        return logits;
    }
}

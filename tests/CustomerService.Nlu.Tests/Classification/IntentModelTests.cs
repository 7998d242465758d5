using CustomerService.Nlu.Classification;
using CustomerService.Nlu.Tests.Support;

namespace CustomerService.Nlu.Tests.Classification;

public sealed class IntentModelTests
{
    public static TheoryData<string, string> ModelSetsAndPadding => new()
    {
        { "tiny", "right_padded" },
        { "tiny", "left_padded" },
        { "shipped", "right_padded" },
        { "shipped", "left_padded" },
    };

    public static TheoryData<string> ModelSets => new() { "tiny", "shipped" };

    [Theory]
    [MemberData(nameof(ModelSetsAndPadding))]
    public void RunLogits_ParityCase_MatchesRecipeWithinTolerance(string set, string caseName)
    {
        var fixture = ParityFixture.Load(TestModels.ParityNameFor(set, "intent"));
        var parityCase = fixture.Case(caseName);
        var ids = ParityFixture.IntRows(parityCase.GetProperty("input_ids"));
        var mask = ParityFixture.IntRows(parityCase.GetProperty("attention_mask"));
        var expected = ParityFixture.FloatRows(parityCase.GetProperty("logits"));
        var model = TestModels.IntentFor(set);
        var sequences = ids.Select((row, i) => ParityFixture.Unpadded(row, mask[i])).ToArray();
        var padding = caseName == "left_padded" ? PaddingSide.Left : PaddingSide.Right;

        var logits = model.RunLogits(sequences, padding);

        AssertClose(expected, logits, fixture.Tolerance);
    }

    [Theory]
    [MemberData(nameof(ModelSets))]
    public void Tokenize_ParityTexts_SameIdsAsRecipe(string set)
    {
        var fixture = ParityFixture.Load(TestModels.ParityNameFor(set, "intent"));
        var parityCase = fixture.Case("right_padded");
        var ids = ParityFixture.IntRows(parityCase.GetProperty("input_ids"));
        var mask = ParityFixture.IntRows(parityCase.GetProperty("attention_mask"));
        var texts = fixture.Root.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToArray();
        var model = TestModels.IntentFor(set, maxTokens: 4096);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(ParityFixture.Unpadded(ids[i], mask[i]), model.Tokenize(texts[i]));
        }
    }

    [Theory]
    [MemberData(nameof(ModelSets))]
    public void Classify_ParityTexts_ExpectedLabels(string set)
    {
        var fixture = ParityFixture.Load(TestModels.ParityNameFor(set, "intent"));
        var texts = fixture.Root.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToArray();
        var expected = fixture.Root.GetProperty("expected_labels").EnumerateArray().Select(t => t.GetString()!).ToArray();
        var model = TestModels.IntentFor(set);

        var predictions = model.Classify(texts);

        Assert.Equal(expected, predictions.Select(p => p.Intent));
    }

    [Theory]
    [MemberData(nameof(ModelSets))]
    public void RunLogits_AloneVersusPaddedBatch_SameLogits(string set)
    {
        var model = TestModels.IntentFor(set);
        string[] texts = ["hi", "I want to cancel my order from last week, it never shipped", "refund please", "where is order A1234?"];
        var sequences = texts.Select(model.Tokenize).ToArray();

        var right = model.RunLogits(sequences, PaddingSide.Right);
        var left = model.RunLogits(sequences, PaddingSide.Left);
        var alone = sequences.Select(s => model.RunLogits([s], PaddingSide.Right)[0]).ToArray();

        AssertClose(alone, right, 1e-4);
        AssertClose(alone, left, 1e-4);
    }

    [Theory]
    [MemberData(nameof(ModelSets))]
    public void Classify_OverLongText_TruncatesInsteadOfThrowing(string set)
    {
        var model = TestModels.IntentFor(set, maxTokens: 100_000);
        var longText = string.Join(' ', Enumerable.Repeat("where is my order please tell me", 500));

        var prediction = model.Classify([longText])[0];

        Assert.Equal(model.MaxTokens, model.Tokenize(longText).Length);
        Assert.True(model.MaxTokens <= TestModels.HostFor(set).Classifier.Config.NPositions);
        Assert.InRange(prediction.Confidence, 0f, 1f);
    }

    [Theory]
    [MemberData(nameof(ModelSets))]
    public void Classify_AnyText_TopThreeSortedWithWinnerFirst(string set)
    {
        var model = TestModels.IntentFor(set);

        var predictions = model.Classify(["", "cancel it now", "<|endoftext|>"]);

        Assert.All(predictions, p =>
        {
            Assert.Equal(Math.Min(3, model.Labels.Count), p.Alternatives.Count);
            Assert.Equal(p.Intent, p.Alternatives[0].Intent);
            Assert.Equal(p.Confidence, p.Alternatives[0].Confidence);
            Assert.True(p.Alternatives.Zip(p.Alternatives.Skip(1)).All(pair => pair.First.Confidence >= pair.Second.Confidence));
            Assert.True(p.Alternatives.Sum(a => a.Confidence) <= 1.0001f);
        });
    }

    internal static void AssertClose(float[][] expected, float[][] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var row = 0; row < expected.Length; row++)
        {
            Assert.Equal(expected[row].Length, actual[row].Length);
            for (var i = 0; i < expected[row].Length; i++)
            {
                Assert.True(Math.Abs(expected[row][i] - actual[row][i]) <= tolerance, $"row {row} label {i}: {expected[row][i]} vs {actual[row][i]}");
            }
        }
    }
}

using CustomerService.Nlu.Tests.Support;

namespace CustomerService.Nlu.Tests.Generation;

public sealed class ResponderModelTests
{
    public static TheoryData<string, string> ModelSetsAndCases => new()
    {
        { "tiny", "single" },
        { "tiny", "left_padded_batch" },
        { "tiny", "right_padded_batch_no_generation" },
        { "shipped", "single" },
        { "shipped", "left_padded_batch" },
        { "shipped", "right_padded_batch_no_generation" },
    };

    public static TheoryData<string, string> ModelSetsAndGreedyCases => new()
    {
        { "tiny", "single" },
        { "tiny", "left_padded_batch" },
        { "shipped", "single" },
        { "shipped", "left_padded_batch" },
    };

    [Theory]
    [MemberData(nameof(ModelSetsAndCases))]
    public void Prefill_ParityPrompts_LastLogitsMatchRecipe(string set, string caseName)
    {
        var fixture = ParityFixture.Load(TestModels.ParityNameFor(set, "responder"));
        var parityCase = fixture.Case(caseName);
        var ids = ParityFixture.IntRows(parityCase.GetProperty("input_ids"));
        var mask = ParityFixture.IntRows(parityCase.GetProperty("attention_mask"));
        var records = parityCase.GetProperty("last_logits").EnumerateArray().ToArray();
        var model = TestModels.ResponderFor(set);

        for (var row = 0; row < ids.Length; row++)
        {
            var (logits, cache) = model.Prefill(ParityFixture.Unpadded(ids[row], mask[row]));
            cache.Dispose();

            fixture.AssertLogits(logits, records[row]);
        }
    }

    [Theory]
    [MemberData(nameof(ModelSetsAndGreedyCases))]
    public void GreedyCached_ParityPrompts_SameTokensAsRecipe(string set, string caseName)
    {
        var fixture = ParityFixture.Load(TestModels.ParityNameFor(set, "responder"));
        var parityCase = fixture.Case(caseName);
        var ids = ParityFixture.IntRows(parityCase.GetProperty("input_ids"));
        var mask = ParityFixture.IntRows(parityCase.GetProperty("attention_mask"));
        var expected = ParityFixture.IntRows(parityCase.GetProperty("greedy"));
        var steps = parityCase.GetProperty("greedy_steps").GetInt32();
        var model = TestModels.ResponderFor(set);

        for (var row = 0; row < ids.Length; row++)
        {
            var (tokens, _) = GreedyReference.Cached(model, ParityFixture.Unpadded(ids[row], mask[row]), steps);

            Assert.Equal(expected[row], tokens);
        }
    }

    [Theory]
    [MemberData(nameof(ModelSetsAndGreedyCases))]
    public void GreedyUncached_ParityPrompts_EqualsCached(string set, string caseName)
    {
        var fixture = ParityFixture.Load(TestModels.ParityNameFor(set, "responder"));
        var parityCase = fixture.Case(caseName);
        var ids = ParityFixture.IntRows(parityCase.GetProperty("input_ids"));
        var mask = ParityFixture.IntRows(parityCase.GetProperty("attention_mask"));
        var model = TestModels.ResponderFor(set);
        var prompt = ParityFixture.Unpadded(ids[^1], mask[^1]);

        var cached = GreedyReference.Cached(model, prompt, 24).Tokens;
        var uncached = GreedyReference.Uncached(model, prompt, 24);

        Assert.Equal(cached, uncached);
    }
}

using CustomerService.Nlu.Generation;

namespace CustomerService.Nlu.Tests.Support;

/// <summary>Plain single-sequence greedy decoding straight on the model: the reference for batched paths.</summary>
internal static class GreedyReference
{
    /// <summary>Greedy tokens with the KV cache, never stopping early; also returns each step's logits.</summary>
    public static (List<int> Tokens, List<float[]> Logits) Cached(ResponderModel model, IReadOnlyList<int> prompt, int steps)
    {
        var tokens = new List<int>();
        var allLogits = new List<float[]>();
        var (logits, cache) = model.Prefill(prompt);
        var length = prompt.Count;
        try
        {
            for (var step = 0; step < steps; step++)
            {
                allLogits.Add(logits);
                var next = LogitsProcessor.ArgMax(logits);
                tokens.Add(next);
                if (step == steps - 1)
                {
                    break;
                }

                float[] stepLogits = [];
                var grown = model.Step(cache, [next], [length], (_, row) => stepLogits = row.ToArray());
                cache.Dispose();
                cache = grown;
                length++;
                logits = stepLogits;
            }
        }
        finally
        {
            cache.Dispose();
        }

        return (tokens, allLogits);
    }

    /// <summary>Greedy tokens recomputing the whole sequence every step (no cache).</summary>
    public static List<int> Uncached(ResponderModel model, IReadOnlyList<int> prompt, int steps)
    {
        var sequence = prompt.ToList();
        var tokens = new List<int>();
        for (var step = 0; step < steps; step++)
        {
            var (logits, cache) = model.Prefill(sequence);
            cache.Dispose();
            var next = LogitsProcessor.ArgMax(logits);
            tokens.Add(next);
            sequence.Add(next);
        }

        return tokens;
    }
}

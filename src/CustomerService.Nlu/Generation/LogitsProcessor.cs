using System.Numerics.Tensors;
using CustomerService.Nlu.Onnx;

namespace CustomerService.Nlu.Generation;

/// <summary>
/// Turns one position's logits into the next token: finiteness check, repetition penalty,
/// no-repeat-n-gram, then greedy or temperature / top-k / top-p sampling. Works in place on the
/// caller's buffer; the candidate set is never empty.
/// </summary>
internal static class LogitsProcessor
{
    // Max and Min propagate NaN and surface infinities, so two vectorised passes check every value.
    public static bool AllFinite(ReadOnlySpan<float> logits) =>
        logits.IsEmpty || (float.IsFinite(TensorPrimitives.Max(logits)) && float.IsFinite(TensorPrimitives.Min(logits)));

    public static int NextToken(string modelName, Span<float> logits, IReadOnlyList<int> history, SamplingSettings settings, Random random)
    {
        // A NaN or infinity means the model (or its file) is broken: stop instead of emitting garbage.
        if (!AllFinite(logits))
        {
            throw new NluException(modelName, NluStage.Sampling, "model produced non-finite logits");
        }

        ApplyRepetitionPenalty(logits, history, settings.RepetitionPenalty);
        ApplyNoRepeatNgram(logits, history, settings.NoRepeatNgramSize);
        if (settings.Temperature <= 0f || settings.TopK == 1)
        {
            return ArgMax(logits);
        }

        return Sample(logits, settings, random);
    }

    /// <summary>Seen tokens: positive logits divided by the penalty, negative ones multiplied (as in Hugging Face).</summary>
    public static void ApplyRepetitionPenalty(Span<float> logits, IReadOnlyList<int> history, float penalty)
    {
        if (penalty == 1f || history.Count == 0)
        {
            return;
        }

        var seen = new HashSet<int>();
        foreach (var token in history)
        {
            if ((uint)token < (uint)logits.Length && seen.Add(token))
            {
                var value = logits[token];
                logits[token] = value > 0 ? value / penalty : value * penalty;
            }
        }
    }

    /// <summary>Bans every token that would complete an n-gram already present in the history.</summary>
    public static void ApplyNoRepeatNgram(Span<float> logits, IReadOnlyList<int> history, int size)
    {
        if (size <= 0 || history.Count + 1 < size)
        {
            return;
        }

        var prefixStart = history.Count - (size - 1);
        List<int>? banned = null;
        for (var start = 0; start + size <= history.Count; start++)
        {
            var match = true;
            for (var k = 0; k < size - 1; k++)
            {
                if (history[start + k] != history[prefixStart + k])
                {
                    match = false;
                    break;
                }
            }

            if (match)
            {
                (banned ??= []).Add(history[start + size - 1]);
            }
        }

        if (banned is null)
        {
            return;
        }

        // Never ban everything: with no candidate left the ban is ignored rather than failing.
        var vocabulary = logits.Length;
        var remaining = vocabulary;
        var distinct = banned.Distinct().Where(t => (uint)t < (uint)vocabulary).ToList();
        remaining -= distinct.Count;
        if (remaining <= 0)
        {
            return;
        }

        foreach (var token in distinct)
        {
            logits[token] = float.NegativeInfinity;
        }
    }

    /// <summary>Index of the largest logit; ties go to the lowest id (as torch.argmax and the parity fixtures).</summary>
    public static int ArgMax(ReadOnlySpan<float> logits) => TensorPrimitives.IndexOfMax(logits);

    private static int Sample(Span<float> logits, SamplingSettings settings, Random random)
    {
        var candidates = TopCandidates(logits, settings.TopK);
        var max = float.NegativeInfinity;
        foreach (var id in candidates)
        {
            max = Math.Max(max, logits[id]);
        }

        var inverseTemperature = 1.0 / settings.Temperature;
        var weights = new double[candidates.Length];
        var total = 0.0;
        for (var i = 0; i < candidates.Length; i++)
        {
            var w = float.IsNegativeInfinity(logits[candidates[i]]) ? 0.0 : Math.Exp((logits[candidates[i]] - max) * inverseTemperature);
            weights[i] = w;
            total += w;
        }

        var count = candidates.Length;
        if (settings.TopP < 1f)
        {
            count = NucleusSize(candidates, weights, total, settings.TopP);
            total = 0;
            for (var i = 0; i < count; i++)
            {
                total += weights[i];
            }
        }

        var draw = random.NextDouble() * total;
        for (var i = 0; i < count; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return candidates[i];
            }
        }

        return candidates[0];
    }

    // Sorts candidates (and weights) best first and returns how many form the nucleus: the smallest
    // prefix whose mass reaches topP, including the token that crosses it, and at least one token.
    // Only tokens above a shrinking weight floor are sorted, which is exact: if the tokens above the
    // floor already hold topP of the mass, the nucleus lies among them.
    private static int NucleusSize(int[] candidates, double[] weights, double total, float topP)
    {
        var target = topP * total;
        var floor = total * 1e-4;
        int selected;
        while (true)
        {
            selected = 0;
            var mass = 0.0;
            for (var i = 0; i < candidates.Length; i++)
            {
                if (weights[i] >= floor)
                {
                    (candidates[selected], candidates[i]) = (candidates[i], candidates[selected]);
                    (weights[selected], weights[i]) = (weights[i], weights[selected]);
                    mass += weights[selected];
                    selected++;
                }
            }

            if (mass >= target || floor == 0)
            {
                break;
            }

            floor = floor < total * 1e-12 ? 0 : floor * 1e-3;
        }

        var order = new int[selected];
        for (var i = 0; i < selected; i++)
        {
            order[i] = i;
        }

        var keys = weights;
        var ids = candidates;
        Array.Sort(order, (a, b) =>
        {
            var byWeight = keys[b].CompareTo(keys[a]);
            return byWeight != 0 ? byWeight : ids[a].CompareTo(ids[b]);
        });
        var sortedIds = order.Select(i => ids[i]).ToArray();
        var sortedWeights = order.Select(i => keys[i]).ToArray();
        sortedIds.CopyTo(candidates, 0);
        sortedWeights.CopyTo(weights, 0);

        var cumulative = 0.0;
        for (var i = 0; i < selected; i++)
        {
            cumulative += weights[i];
            if (cumulative >= target)
            {
                return i + 1;
            }
        }

        return Math.Max(1, selected);
    }

    // The k highest logits (all tokens when k is 0 or covers the vocabulary), ties to the lower id.
    private static int[] TopCandidates(ReadOnlySpan<float> logits, int topK)
    {
        if (topK <= 0 || topK >= logits.Length)
        {
            var all = new int[logits.Length];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = i;
            }

            return all;
        }

        // Min-heap of the best k seen so far, root = the weakest kept.
        var heap = new int[topK];
        var size = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            if (size < topK)
            {
                heap[size] = i;
                SiftUp(heap, size, logits);
                size++;
            }
            else if (Better(i, heap[0], logits))
            {
                heap[0] = i;
                SiftDown(heap, size, logits);
            }
        }

        return heap;
    }

    private static bool Better(int a, int b, ReadOnlySpan<float> logits) =>
        logits[a] > logits[b] || (logits[a] == logits[b] && a < b);

    private static void SiftUp(int[] heap, int index, ReadOnlySpan<float> logits)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Better(heap[parent], heap[index], logits))
            {
                break;
            }

            (heap[parent], heap[index]) = (heap[index], heap[parent]);
            index = parent;
        }
    }

    private static void SiftDown(int[] heap, int size, ReadOnlySpan<float> logits)
    {
        var index = 0;
        while (true)
        {
            var left = (index * 2) + 1;
            var right = left + 1;
            var weakest = index;
            if (left < size && Better(heap[weakest], heap[left], logits))
            {
                weakest = left;
            }

            if (right < size && Better(heap[weakest], heap[right], logits))
            {
                weakest = right;
            }

            if (weakest == index)
            {
                return;
            }

            (heap[weakest], heap[index]) = (heap[index], heap[weakest]);
            index = weakest;
        }
    }
}

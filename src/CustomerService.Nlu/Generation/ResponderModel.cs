using System.Globalization;
using CustomerService.Nlu.Onnx;
using CustomerService.Nlu.Tokenization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CustomerService.Nlu.Generation;

/// <summary>
/// Runs the responder's decoder graph (Optimum GPT-2 layout): a prefill over a whole prompt with an
/// empty past, and decode steps that feed one token per row with the batch's past cache.
/// Positions are cumsum(mask) - 1 with pads at 1, as the model was trained and exported.
/// </summary>
internal sealed class ResponderModel
{
    private const int ParallelRowThreshold = 4;
    private readonly OnnxModel _model;
    private readonly string[] _pastNames;
    private readonly string[] _outputNames;

    public ResponderModel(OnnxModel model, Gpt2Tokenizer tokenizer)
    {
        _model = model;
        Tokenizer = tokenizer;
        var config = model.Config;
        Layers = config.NLayer;
        Heads = config.NHead;
        HeadDim = config.HeadDim;
        VocabSize = config.VocabSize;
        MaxPositions = config.NPositions;
        _pastNames = new string[Layers * 2];
        _outputNames = new string[Layers * 2 + 1];
        _outputNames[0] = "logits";
        for (var layer = 0; layer < Layers; layer++)
        {
            _pastNames[layer * 2] = string.Create(CultureInfo.InvariantCulture, $"past_key_values.{layer}.key");
            _pastNames[layer * 2 + 1] = string.Create(CultureInfo.InvariantCulture, $"past_key_values.{layer}.value");
            _outputNames[layer * 2 + 1] = string.Create(CultureInfo.InvariantCulture, $"present.{layer}.key");
            _outputNames[layer * 2 + 2] = string.Create(CultureInfo.InvariantCulture, $"present.{layer}.value");
        }

        model.RequireInputs(["input_ids", "attention_mask", .. _pastNames]);
        model.RequireOutputs(_outputNames);
    }

    public string Name => _model.Name;

    public Gpt2Tokenizer Tokenizer { get; }

    public int Layers { get; }

    public int Heads { get; }

    public int HeadDim { get; }

    public int VocabSize { get; }

    /// <summary>The model's n_positions: prompt plus generated tokens must stay within it.</summary>
    public int MaxPositions { get; }

    /// <summary>Runs a whole prompt with an empty past; returns the last position's logits and the cache.</summary>
    public (float[] Logits, KvCache Cache) Prefill(IReadOnlyList<int> promptIds)
    {
        var length = promptIds.Count;
        if (length == 0 || length > MaxPositions)
        {
            throw new NluException(Name, NluStage.Prefill, $"prompt has {length} tokens; the model takes 1..{MaxPositions}");
        }

        var ids = new long[length];
        var mask = new long[length];
        var positions = new long[length];
        for (var t = 0; t < length; t++)
        {
            ids[t] = promptIds[t];
            mask[t] = 1;
            positions[t] = t;
        }

        return OrtErrorFunnel.Invoke(Name, NluStage.Prefill, () =>
        {
            var empty = new OrtValue[_pastNames.Length];
            try
            {
                for (var i = 0; i < empty.Length; i++)
                {
                    empty[i] = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, TensorElementType.Float, [1, Heads, 0, HeadDim]);
                }

                var outputs = Run(ids, mask, positions, [1, length], empty);
                using var logits = outputs[0];
                var all = logits.GetTensorDataAsSpan<float>();
                var last = all.Slice((length - 1) * VocabSize, VocabSize).ToArray();
                return (last, new KvCache(outputs[1..], 1, length));
            }
            finally
            {
                foreach (var value in empty)
                {
                    value?.Dispose();
                }
            }
        });
    }

    /// <summary>
    /// One decode step for a left-aligned batch: row r feeds <paramref name="tokens"/>[r], has
    /// <paramref name="cachedLengths"/>[r] real tokens at the right end of the past and pads before them.
    /// Hands each row's logits (ORT's own buffer, no copy) to <paramref name="onLogits"/> and returns the grown cache.
    /// </summary>
    public KvCache Step(KvCache past, ReadOnlySpan<int> tokens, ReadOnlySpan<int> cachedLengths, LogitsRowHandler onLogits)
    {
        var batch = past.Batch;
        var columns = past.Length + 1;
        var ids = new long[batch];
        var mask = new long[batch * columns];
        var positions = new long[batch];
        for (var row = 0; row < batch; row++)
        {
            ids[row] = tokens[row];
            positions[row] = cachedLengths[row];
            var pads = past.Length - cachedLengths[row];
            mask.AsSpan(row * columns + pads, columns - pads).Fill(1);
        }

        return OrtErrorFunnel.Invoke(Name, NluStage.Decode, () =>
        {
            var outputs = Run(ids, mask, positions, [batch, 1], past.Tensors, [batch, columns]);
            var grown = new KvCache(outputs[1..], batch, columns);
            using var logitsValue = outputs[0];

            // Rows are independent sequences; between runs ORT's threads are idle, so large
            // batches post-process their 50k-wide logits rows on all cores.
            if (batch >= ParallelRowThreshold)
            {
                Parallel.For(0, batch, row => onLogits(row, logitsValue.GetTensorMutableDataAsSpan<float>().Slice(row * VocabSize, VocabSize)));
            }
            else
            {
                var all = logitsValue.GetTensorMutableDataAsSpan<float>();
                for (var row = 0; row < batch; row++)
                {
                    onLogits(row, all.Slice(row * VocabSize, VocabSize));
                }
            }

            return grown;
        });
    }

    private OrtValue[] Run(long[] ids, long[] mask, long[] positions, long[] idsShape, OrtValue[] past, long[]? maskShape = null)
    {
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, idsShape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, maskShape ?? idsShape);
        using var positionsValue = OrtValue.CreateTensorValueFromMemory(positions, idsShape);
        var names = new List<string>(past.Length + 3) { "input_ids", "attention_mask" };
        var values = new List<OrtValue>(past.Length + 3) { idsValue, maskValue };
        if (_model.HasPositionIds)
        {
            names.Add("position_ids");
            values.Add(positionsValue);
        }

        names.AddRange(_pastNames);
        values.AddRange(past);
        using var runOptions = new RunOptions();

        // The outputs are not disposed as a collection: the present tensors become the next past.
        var outputs = _model.Session.Run(runOptions, names, values, _outputNames);
        var result = new OrtValue[outputs.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = outputs[i];
        }

        return result;
    }
}

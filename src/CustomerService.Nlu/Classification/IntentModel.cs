using CustomerService.Core.Ports;
using CustomerService.Nlu.Generation;
using CustomerService.Nlu.Onnx;
using CustomerService.Nlu.Tokenization;
using Microsoft.ML.OnnxRuntime;

namespace CustomerService.Nlu.Classification;

/// <summary>
/// Runs the intent classifier ONNX model on a batch: tokenises (truncating), pads, runs once and turns
/// logits into predictions. Stateless apart from the shared session, so safe from any thread.
/// </summary>
internal sealed class IntentModel
{
    private const int TopCount = 3;
    private static readonly string[] OutputNames = ["logits"];

    private readonly OnnxModel _model;
    private readonly Gpt2Tokenizer _tokenizer;
    private readonly IReadOnlyList<string> _labels;

    public IntentModel(OnnxModel model, Gpt2Tokenizer tokenizer, int maxTokens)
    {
        _model = model;
        _tokenizer = tokenizer;
        model.RequireInputs("input_ids", "attention_mask");
        model.RequireOutputs("logits");
        _labels = model.Config.LabelsInOrder(model.Name);
        MaxTokens = Math.Min(maxTokens, model.Config.NPositions);
    }

    public int MaxTokens { get; }

    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Token ids the model sees for a text: ordinary encoding, first <see cref="MaxTokens"/> kept.</summary>
    public int[] Tokenize(string text)
    {
        var ids = _tokenizer.Encode(text);
        if (ids.Count == 0)
        {
            // Nothing to pool over: the end-of-text token stands in for empty input.
            return [Gpt2Tokenizer.EndOfTextId];
        }

        return ids.Count > MaxTokens ? [.. ids.GetRange(0, MaxTokens)] : [.. ids];
    }

    public IReadOnlyList<IntentPrediction> Classify(IReadOnlyList<string> texts, PaddingSide padding = PaddingSide.Right)
    {
        var tokenized = new int[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            tokenized[i] = Tokenize(texts[i]);
        }

        var logits = RunLogits(tokenized, padding);
        var predictions = new IntentPrediction[logits.Length];
        for (var i = 0; i < logits.Length; i++)
        {
            predictions[i] = ToPrediction(logits[i]);
        }

        return predictions;
    }

    /// <summary>Raw logits [batch][labels] for already tokenised sequences.</summary>
    public float[][] RunLogits(IReadOnlyList<int[]> sequences, PaddingSide padding)
    {
        if (sequences.Count == 0)
        {
            return [];
        }

        var batch = sequences.Count;
        var width = sequences.Max(s => s.Length);
        var ids = new long[batch * width];
        var mask = new long[batch * width];
        var positions = new long[batch * width];
        for (var row = 0; row < batch; row++)
        {
            var sequence = sequences[row];
            var start = padding == PaddingSide.Left ? width - sequence.Length : 0;
            var offset = row * width;
            Array.Fill(ids, Gpt2Tokenizer.EndOfTextId, offset, width);
            Array.Fill(positions, 1, offset, width);
            for (var t = 0; t < sequence.Length; t++)
            {
                ids[offset + start + t] = sequence[t];
                mask[offset + start + t] = 1;
                positions[offset + start + t] = t;
            }
        }

        long[] shape = [batch, width];
        return OrtErrorFunnel.Invoke(_model.Name, NluStage.Classify, () =>
        {
            using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var positionsValue = OrtValue.CreateTensorValueFromMemory(positions, shape);
            var names = new List<string> { "input_ids", "attention_mask" };
            var values = new List<OrtValue> { idsValue, maskValue };
            if (_model.HasPositionIds)
            {
                names.Add("position_ids");
                values.Add(positionsValue);
            }

            using var runOptions = new RunOptions();
            using var outputs = _model.Session.Run(runOptions, names, values, OutputNames);
            var data = outputs[0].GetTensorDataAsSpan<float>();
            var labelCount = _labels.Count;
            if (data.Length != batch * labelCount)
            {
                throw new NluException(_model.Name, NluStage.Classify, $"logits have {data.Length} values, expected {batch}×{labelCount}");
            }

            var result = new float[batch][];
            for (var row = 0; row < batch; row++)
            {
                result[row] = data.Slice(row * labelCount, labelCount).ToArray();
                if (!LogitsProcessor.AllFinite(result[row]))
                {
                    throw new NluException(_model.Name, NluStage.Classify, "model produced non-finite logits");
                }
            }

            return result;
        });
    }

    private IntentPrediction ToPrediction(float[] logits)
    {
        var probabilities = new float[logits.Length];
        var max = logits.Max();
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            var e = Math.Exp(logits[i] - max);
            probabilities[i] = (float)e;
            sum += e;
        }

        var order = Enumerable.Range(0, logits.Length)
            .OrderByDescending(i => probabilities[i])
            .ThenBy(i => i)
            .Take(TopCount)
            .Select(i => new IntentScore(_labels[i], (float)(probabilities[i] / sum)))
            .ToArray();
        return new IntentPrediction(order[0].Intent, order[0].Confidence, order);
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.Nlu.Onnx;

/// <summary>The parts of a Hugging Face GPT-2 <c>config.json</c> the runtime needs (snake_case on disk).</summary>
internal sealed class ModelConfig
{
    [JsonPropertyName("model_type")]
    public string? ModelType { get; init; }

    [JsonPropertyName("vocab_size")]
    public int VocabSize { get; init; }

    [JsonPropertyName("n_positions")]
    public int NPositions { get; init; }

    [JsonPropertyName("n_embd")]
    public int NEmbd { get; init; }

    [JsonPropertyName("n_layer")]
    public int NLayer { get; init; }

    [JsonPropertyName("n_head")]
    public int NHead { get; init; }

    [JsonPropertyName("eos_token_id")]
    public int? EosTokenId { get; init; }

    [JsonPropertyName("id2label")]
    public Dictionary<string, string>? Id2Label { get; init; }

    public int HeadDim => NHead == 0 ? 0 : NEmbd / NHead;

    public static ModelConfig Load(string modelName, string path)
    {
        ModelConfig? config;
        try
        {
            using var stream = File.OpenRead(path);
            config = JsonSerializer.Deserialize<ModelConfig>(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new NluException(modelName, NluStage.Load, $"cannot read {path}: {ex.Message}", ex);
        }

        if (config is null || config.VocabSize <= 0 || config.NPositions <= 0 || config.NLayer <= 0 || config.NHead <= 0 || config.NEmbd % config.NHead != 0)
        {
            throw new NluException(modelName, NluStage.Load, $"{path} lacks vocab_size, n_positions, n_layer, n_head or n_embd");
        }

        return config;
    }

    /// <summary>Labels ordered by class index; fails when id2label is missing or has gaps.</summary>
    public IReadOnlyList<string> LabelsInOrder(string modelName)
    {
        if (Id2Label is null || Id2Label.Count == 0)
        {
            throw new NluException(modelName, NluStage.Load, "config.json has no id2label");
        }

        var labels = new string[Id2Label.Count];
        foreach (var (key, value) in Id2Label)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 0 || index >= labels.Length)
            {
                throw new NluException(modelName, NluStage.Load, $"id2label key '{key}' is not an index 0..{labels.Length - 1}");
            }

            labels[index] = value;
        }

        return labels;
    }
}

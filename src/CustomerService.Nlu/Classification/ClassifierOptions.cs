using System.ComponentModel.DataAnnotations;

namespace CustomerService.Nlu.Classification;

/// <summary>Intent classifier settings (section <c>Nlu:Classifier</c>).</summary>
public sealed class ClassifierOptions
{
    public const string SectionName = "Nlu:Classifier";

    /// <summary>Model folder, relative to the content root. Default <c>models/intent</c>.</summary>
    [Required]
    public string ModelPath { get; set; } = "models/intent";

    /// <summary>Tokens kept per text; longer text is truncated (also capped by the model's n_positions). Default 128.</summary>
    [Range(1, 8192)]
    public int MaxTokens { get; set; } = 128;

    /// <summary>How long the micro-batcher waits for more concurrent requests before running a batch. Default 2 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Most texts in one model run. Default 32.</summary>
    [Range(1, 1024)]
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>Requests that may wait for the model; callers beyond it wait (backpressure). Default 256.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;

    /// <summary>A request still waiting after this fails with <c>NluException</c> (stage Queue). Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

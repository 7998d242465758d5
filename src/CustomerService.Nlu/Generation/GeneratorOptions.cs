using System.ComponentModel.DataAnnotations;

namespace CustomerService.Nlu.Generation;

/// <summary>Responder settings (section <c>Nlu:Generator</c>); per-call overrides come from GenerationSettings.</summary>
public sealed class GeneratorOptions
{
    public const string SectionName = "Nlu:Generator";

    /// <summary>Stop strings used when none are configured: anything that starts a new prompt line.</summary>
    public static IReadOnlyList<string> DefaultStopStrings { get; } = ["\n[customer]", "[customer]", "\n[", "[response]", "[context]", "[intent]"];

    /// <summary>Model folder, relative to the content root. Default <c>models/responder</c>.</summary>
    [Required]
    public string ModelPath { get; set; } = "models/responder";

    /// <summary>Cap on generated tokens (tokens, not characters). Default 64.</summary>
    [Range(1, 4096)]
    public int MaxNewTokens { get; set; } = 64;

    /// <summary>Sampling temperature; 0 is greedy. Default 0.7.</summary>
    [Range(0.0, 10.0)]
    public float Temperature { get; set; } = 0.7f;

    /// <summary>Keep the k most likely tokens; 0 disables. Default 50.</summary>
    [Range(0, 50257)]
    public int TopK { get; set; } = 50;

    /// <summary>Nucleus threshold 0–1; the crossing token is kept. Default 0.9.</summary>
    [Range(0.0, 1.0)]
    public float TopP { get; set; } = 0.9f;

    /// <summary>Hugging Face-style repetition penalty over prompt and output; 1 disables. Default 1.1.</summary>
    [Range(1.0, 10.0)]
    public float RepetitionPenalty { get; set; } = 1.1f;

    /// <summary>Forbid repeating any n-gram of this size; 0 disables. Default 3.</summary>
    [Range(0, 64)]
    public int NoRepeatNgramSize { get; set; } = 3;

    /// <summary>Wall-clock budget for one generation, queue wait included. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most sequences decoded together in the continuous batch; the rest queue. Default 16.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentGenerations { get; set; } = 16;

    /// <summary>Generations that may wait for a batch slot; callers beyond it wait (backpressure). Default 256.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;

    /// <summary>A generation still waiting for a slot after this fails with <c>NluException</c> (stage Queue). Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Text that ends the answer (not included). Null or empty means <see cref="DefaultStopStrings"/>.</summary>
    public IReadOnlyList<string>? StopStrings { get; set; }

    internal IReadOnlyList<string> EffectiveStopStrings => StopStrings is { Count: > 0 } configured ? configured : DefaultStopStrings;
}

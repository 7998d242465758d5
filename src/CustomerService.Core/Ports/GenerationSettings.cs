namespace CustomerService.Core.Ports;

/// <summary>Per-call decoding overrides. Null means "use Nlu:Generator configuration".</summary>
public sealed record GenerationSettings
{
    /// <summary>Cap on generated tokens (tokens, not characters).</summary>
    public int? MaxNewTokens { get; init; }

    /// <summary>Sampling temperature; 0 means greedy.</summary>
    public float? Temperature { get; init; }

    /// <summary>Keep only the k most likely tokens; 0 disables.</summary>
    public int? TopK { get; init; }

    /// <summary>Nucleus threshold 0–1; the token that crosses it is kept.</summary>
    public float? TopP { get; init; }

    /// <summary>Wall-clock budget for the whole generation.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Seed for sampling, so a run can be reproduced.</summary>
    public int? Seed { get; init; }
}

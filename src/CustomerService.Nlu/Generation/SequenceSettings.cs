namespace CustomerService.Nlu.Generation;

/// <summary>Everything that governs one sequence's decoding, resolved from options and per-call overrides.</summary>
/// <param name="MaxNewTokens">Cap on generated tokens, already reduced to fit the model's positions.</param>
/// <param name="Sampling">Token choice.</param>
/// <param name="StopStrings">Text that ends the answer.</param>
/// <param name="Timeout">Wall-clock budget measured from submission.</param>
/// <param name="Seed">Seed of this sequence's own random generator.</param>
internal sealed record SequenceSettings(
    int MaxNewTokens,
    SamplingSettings Sampling,
    IReadOnlyList<string> StopStrings,
    TimeSpan Timeout,
    int Seed)
{
    /// <summary>False only for throughput benchmarks, which need a fixed token count per sequence.</summary>
    public bool StopAtEndOfText { get; init; } = true;
}

namespace CustomerService.Benchmarks;

/// <summary>
/// Tokens one operation of a generator benchmark generates per stream; <see cref="TokensPerSecondColumn"/>
/// multiplies it by the benchmark's Streams parameter (1 when it has none).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GeneratedTokensAttribute(int perStream) : Attribute
{
    public int PerStream { get; } = perStream;
}

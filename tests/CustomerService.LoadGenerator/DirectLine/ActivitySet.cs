namespace CustomerService.LoadGenerator.DirectLine;

/// <summary>A batch of activities with the watermark after them, from GET activities or a stream frame.</summary>
internal sealed record ActivitySet
{
    public IReadOnlyList<WireActivity>? Activities { get; init; }

    public string? Watermark { get; init; }
}

namespace CustomerService.LoadGenerator.Simulation;

/// <summary>
/// Exponentially distributed pauses between a reply and the customer's next message: arrivals become
/// a Poisson process, so customers do not march in lock-step. Capped at ten means to bound a step's tail.
/// </summary>
internal sealed class ThinkTime(TimeSpan mean)
{
    private const double CapInMeans = 10;

    public TimeSpan Mean { get; } = mean;

    public TimeSpan Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (Mean <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        // 1 - NextDouble() is in (0, 1], so the logarithm is finite.
        var draw = -Math.Log(1.0 - random.NextDouble());
        return Mean * Math.Min(draw, CapInMeans);
    }
}

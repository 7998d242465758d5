namespace CustomerService.Bot.Security;

/// <summary>A token bucket's shape: <see cref="Burst"/> requests at once, refilled at <see cref="PerMinute"/>.</summary>
internal readonly record struct ThrottleRate(int PerMinute, int Burst)
{
    public double PerSecond => PerMinute / 60.0;
}

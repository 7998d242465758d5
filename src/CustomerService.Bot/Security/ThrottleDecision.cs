namespace CustomerService.Bot.Security;

/// <summary>What the throttle says about one request: go now, go after <see cref="Delay"/>, or over the limit.</summary>
/// <param name="Delay">How long to hold the request first (zero: at once).</param>
/// <param name="OverLimit">True when even the longest allowed delay would not free a slot; nothing was consumed.</param>
internal readonly record struct ThrottleDecision(TimeSpan Delay, bool OverLimit)
{
    public static ThrottleDecision Now => default;
}

using CustomerService.Bot.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Bot.Tests.Security;

public sealed class RequestThrottleTests
{
    private static readonly ThrottleRate SixPerMinute = new(PerMinute: 6, Burst: 2);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Acquire_WithinBurst_GoesAtOnce()
    {
        var throttle = Create();

        var first = throttle.Acquire("c:a", SixPerMinute, TimeSpan.FromSeconds(30));
        var second = throttle.Acquire("c:a", SixPerMinute, TimeSpan.FromSeconds(30));

        Assert.Equal(ThrottleDecision.Now, first);
        Assert.Equal(ThrottleDecision.Now, second);
    }

    [Fact]
    public void Acquire_OverBurst_WaitsForTheNextTokenAndQueuesLaterCallers()
    {
        var throttle = Create();
        throttle.Acquire("c:a", SixPerMinute, TimeSpan.FromSeconds(30));
        throttle.Acquire("c:a", SixPerMinute, TimeSpan.FromSeconds(30));

        var third = throttle.Acquire("c:a", SixPerMinute, TimeSpan.FromSeconds(30));
        var fourth = throttle.Acquire("c:a", SixPerMinute, TimeSpan.FromSeconds(30));

        Assert.False(third.OverLimit);
        Assert.Equal(TimeSpan.FromSeconds(10), third.Delay);
        Assert.False(fourth.OverLimit);
        Assert.Equal(TimeSpan.FromSeconds(20), fourth.Delay);
    }

    [Fact]
    public void Acquire_WaitLongerThanAllowed_IsOverLimitAndConsumesNothing()
    {
        var throttle = Create();
        throttle.Acquire("c:a", SixPerMinute, TimeSpan.Zero);
        throttle.Acquire("c:a", SixPerMinute, TimeSpan.Zero);

        var refused = throttle.Acquire("c:a", SixPerMinute, TimeSpan.FromSeconds(5));
        _clock.Advance(TimeSpan.FromSeconds(10));
        var afterRefill = throttle.Acquire("c:a", SixPerMinute, TimeSpan.Zero);

        Assert.True(refused.OverLimit);
        Assert.Equal(TimeSpan.FromSeconds(10), refused.Delay);
        Assert.Equal(ThrottleDecision.Now, afterRefill);
    }

    [Fact]
    public void Acquire_KeysAreIndependent()
    {
        var throttle = Create();
        throttle.Acquire("c:a", SixPerMinute, TimeSpan.Zero);
        throttle.Acquire("c:a", SixPerMinute, TimeSpan.Zero);

        var other = throttle.Acquire("c:b", SixPerMinute, TimeSpan.Zero);

        Assert.Equal(ThrottleDecision.Now, other);
    }

    [Fact]
    public void Acquire_AtTrackingCapacity_ForgetsIdleKeysFirst()
    {
        var throttle = Create(maxTracked: 100);
        for (var i = 0; i < 100; i++)
        {
            throttle.Acquire($"a:{i}", SixPerMinute, TimeSpan.Zero);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        var fresh = throttle.Acquire("a:new", SixPerMinute, TimeSpan.Zero);

        Assert.Equal(ThrottleDecision.Now, fresh);
        Assert.True(throttle.TrackedKeys <= 2, $"{throttle.TrackedKeys} keys still tracked");
    }

    private RequestThrottle Create(int maxTracked = 1000) =>
        new(_clock, Options.Create(new SecurityOptions { MaxTrackedClients = maxTracked }));
}

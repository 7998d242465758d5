using CustomerService.Bot.Agents;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Bot.Tests.Agents;

public sealed class LoginAttemptStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly LoginAttemptStore _store;

    public LoginAttemptStoreTests()
    {
        _store = new LoginAttemptStore(AgentTestOptions.Monitor(AgentTestOptions.Create(maxFailedLogins: 3, lockout: TimeSpan.FromMinutes(5))), _time);
    }

    [Fact]
    public void GetRetryAfter_FewerFailuresThanLimit_AllowsSignIn()
    {
        _store.RecordFailure("alice", "10.0.0.1");
        _store.RecordFailure("alice", "10.0.0.1");

        var wait = _store.GetRetryAfter("alice", "10.0.0.1");

        Assert.Equal(TimeSpan.Zero, wait);
    }

    [Fact]
    public void GetRetryAfter_LimitReached_LocksTheNameFromAnyAddress()
    {
        for (var i = 0; i < 3; i++)
        {
            _store.RecordFailure("alice", "10.0.0.1");
        }

        var wait = _store.GetRetryAfter("ALICE", "192.0.2.7");

        Assert.Equal(TimeSpan.FromMinutes(5), wait);
    }

    [Fact]
    public void GetRetryAfter_OneAddressSprayingNames_LocksTheAddress()
    {
        _store.RecordFailure("alice", "10.0.0.1");
        _store.RecordFailure("bob", "10.0.0.1");
        _store.RecordFailure("carol", "10.0.0.1");

        var wait = _store.GetRetryAfter("dave", "10.0.0.1");

        Assert.True(wait > TimeSpan.Zero);
    }

    [Fact]
    public void GetRetryAfter_LockoutElapsed_AllowsSignInAgain()
    {
        for (var i = 0; i < 3; i++)
        {
            _store.RecordFailure("alice", "10.0.0.1");
        }

        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var wait = _store.GetRetryAfter("alice", "10.0.0.1");

        Assert.Equal(TimeSpan.Zero, wait);
    }

    [Fact]
    public void RecordSuccess_AfterFailures_ResetsTheNameCounter()
    {
        _store.RecordFailure("alice", "10.0.0.1");
        _store.RecordFailure("alice", "10.0.0.2");
        _store.RecordSuccess("alice");

        _store.RecordFailure("alice", "10.0.0.3");
        var wait = _store.GetRetryAfter("alice", "10.0.0.3");

        Assert.Equal(TimeSpan.Zero, wait);
    }

    [Fact]
    public void RecordFailure_OldFailuresOutsideWindow_AreNotCounted()
    {
        _store.RecordFailure("alice", null);
        _store.RecordFailure("alice", null);
        _time.Advance(TimeSpan.FromMinutes(6));

        _store.RecordFailure("alice", null);
        var wait = _store.GetRetryAfter("alice", null);

        Assert.Equal(TimeSpan.Zero, wait);
    }
}

using CustomerService.Core.Conversations;
using CustomerService.Core.Escalation;
using Microsoft.Extensions.Options;

namespace CustomerService.Core.Tests.Escalation;

public sealed class EscalationPolicyTests
{
    private static EscalationPolicy Policy(EscalationOptions options) => new(new StaticOptionsMonitor<EscalationOptions>(options));

    private static ConversationState State(int failed = 0, int outOfScope = 0) =>
        new() { ConversationId = "c", ChannelId = "webchat", CustomerId = "u", FailedTurns = failed, OutOfScopeStreak = outOfScope };

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void TooManyFailedTurns_AtLimit_Escalates(int failed, bool expected)
    {
        var policy = Policy(new EscalationOptions { MaxFailedTurns = 3 });

        Assert.Equal(expected, policy.TooManyFailedTurns(State(failed: failed)));
    }

    [Fact]
    public void OutOfScopeStreakReached_AtLimit_Escalates()
    {
        var policy = Policy(new EscalationOptions { MaxOutOfScopeStreak = 2 });

        Assert.True(policy.OutOfScopeStreakReached(State(outOfScope: 2)));
        Assert.False(policy.OutOfScopeStreakReached(State(outOfScope: 1)));
    }

    [Fact]
    public void Counts_GeneratorFailureDisabled_DoesNotCount()
    {
        var policy = Policy(new EscalationOptions { EscalateOnGeneratorFailure = false });

        Assert.False(policy.Counts(EscalationReason.GeneratorFailure));
        Assert.True(policy.Counts(EscalationReason.LowConfidence));
    }

    [Fact]
    public void IsBelowFloor_UnderConfiguredFloor_IsTrue()
    {
        var policy = Policy(new EscalationOptions { ConfidenceFloor = 0.4 });

        Assert.True(policy.IsBelowFloor(0.39f));
        Assert.False(policy.IsBelowFloor(0.4f));
    }

    [Fact]
    public void IsImmediate_ExplicitAndEscalateAlways_AreImmediate()
    {
        Assert.True(EscalationPolicy.IsImmediate(EscalationReason.ExplicitRequest));
        Assert.True(EscalationPolicy.IsImmediate(EscalationReason.EscalateAlwaysIntent));
        Assert.False(EscalationPolicy.IsImmediate(EscalationReason.LowConfidence));
    }
}

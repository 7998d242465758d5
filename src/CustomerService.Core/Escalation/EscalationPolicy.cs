using CustomerService.Core.Conversations;
using Microsoft.Extensions.Options;

namespace CustomerService.Core.Escalation;

/// <summary>
/// The hand-off rules as pure decisions over the conversation's counters (read live, so thresholds can be
/// tuned without a restart). <see cref="EscalationService"/> acts on them.
/// </summary>
internal sealed class EscalationPolicy(IOptionsMonitor<EscalationOptions> options)
{
    /// <summary>Whether a prediction this unsure counts as a failed turn.</summary>
    public bool IsBelowFloor(float confidence) => confidence < options.CurrentValue.ConfidenceFloor;

    /// <summary>Whether a failure of this kind counts toward <see cref="EscalationOptions.MaxFailedTurns"/>.</summary>
    public bool Counts(EscalationReason reason) => reason switch
    {
        EscalationReason.GeneratorFailure => options.CurrentValue.EscalateOnGeneratorFailure,
        EscalationReason.TurnError => options.CurrentValue.EscalateOnTurnError,
        _ => true,
    };

    public bool TooManyFailedTurns(ConversationState state) => state.FailedTurns >= options.CurrentValue.MaxFailedTurns;

    public bool OutOfScopeStreakReached(ConversationState state) => state.OutOfScopeStreak >= options.CurrentValue.MaxOutOfScopeStreak;

    /// <summary>Explicit requests and escalate-always intents hand off at once, whatever the counters say.</summary>
    public static bool IsImmediate(EscalationReason reason) =>
        reason is EscalationReason.ExplicitRequest or EscalationReason.EscalateAlwaysIntent;
}

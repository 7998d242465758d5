namespace CustomerService.Core.Escalation;

/// <summary>Why the bot handed a conversation to a human.</summary>
public enum EscalationReason
{
    ExplicitRequest = 0,
    LowConfidence = 1,
    OutOfScope = 2,
    EscalateAlwaysIntent = 3,
    GeneratorFailure = 4,
    TurnError = 5,
}

namespace CustomerService.Nlu.Generation;

/// <summary>Why a sequence stopped.</summary>
internal enum FinishReason
{
    EndOfText,
    StopString,
    MaxTokens,
    TimeBudget,
    Cancelled,
    Failed,
}

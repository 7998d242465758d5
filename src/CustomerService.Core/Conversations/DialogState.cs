namespace CustomerService.Core.Conversations;

/// <summary>Where the active dialog stands: its id, the current step, filled slots and re-prompt attempts.</summary>
public sealed record DialogState(string DialogId, string StepId, IReadOnlyDictionary<string, string> Slots, int Attempts);

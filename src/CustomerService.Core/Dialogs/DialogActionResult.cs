namespace CustomerService.Core.Dialogs;

/// <summary>An action's outcome (matched against the step's <c>on</c> map) and the slots it sets.</summary>
internal sealed record DialogActionResult(string Outcome, IReadOnlyDictionary<string, string> Slots)
{
    public static DialogActionResult Of(string outcome) => new(outcome, new Dictionary<string, string>());
}

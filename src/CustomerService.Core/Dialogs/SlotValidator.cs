namespace CustomerService.Core.Dialogs;

/// <summary>A built-in check for an ask step's answer.</summary>
/// <param name="Name">Name used in dialog files.</param>
/// <param name="CanExtract">Whether the value can be picked out of the sentence that started the dialog.</param>
/// <param name="Parse">Returns the normalised value, or null when the answer is not valid.</param>
internal sealed record SlotValidator(string Name, bool CanExtract, Func<string, string?> Parse);

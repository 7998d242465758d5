namespace CustomerService.Core.Dialogs;

/// <summary>
/// Names an action and its required args for validation at start, without resolving the (scoped) action itself.
/// </summary>
internal sealed record DialogActionRegistration(string Name, Type ActionType, IReadOnlyList<string> RequiredArgs, IReadOnlyList<string> Outcomes);

using CustomerService.Core.Turns;

namespace CustomerService.Core.Dialogs;

/// <summary>What an action may read: the turn, the customer id, the dialog's slots and the step's args.</summary>
internal sealed record DialogActionContext(
    TurnContext Turn,
    string CustomerId,
    IReadOnlyDictionary<string, string> Slots,
    IReadOnlyDictionary<string, string> Args,
    TemplateValues Values);

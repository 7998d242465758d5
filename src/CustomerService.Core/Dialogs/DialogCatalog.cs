namespace CustomerService.Core.Dialogs;

/// <summary>The validated dialogs, by id and by intent. Built once at start by <see cref="DialogLoader"/>.</summary>
internal sealed class DialogCatalog
{
    private readonly Dictionary<string, DialogDefinition> _byId;
    private readonly Dictionary<string, DialogDefinition> _byIntent;

    public DialogCatalog(IEnumerable<DialogDefinition> dialogs)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        _byId = dialogs.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _byIntent = new Dictionary<string, DialogDefinition>(StringComparer.Ordinal);
        foreach (var dialog in _byId.Values)
        {
            foreach (var intent in dialog.Intents)
            {
                _byIntent[intent] = dialog;
            }
        }
    }

    public IReadOnlyCollection<DialogDefinition> Dialogs => _byId.Values;

    public DialogDefinition? Find(string dialogId) => _byId.GetValueOrDefault(dialogId);

    public DialogDefinition Get(string dialogId) =>
        Find(dialogId) ?? throw new InvalidOperationException($"Dialog '{dialogId}' is not loaded.");

    public DialogDefinition? FindByIntent(string intent) => _byIntent.GetValueOrDefault(intent);
}

namespace CustomerService.LoadGenerator.Utterances;

/// <summary>
/// Keeps or drops utterances by their labelled intent, e.g. to measure template-reply dialogs without
/// the ones that call the generator. Inactive when both lists are empty.
/// </summary>
internal sealed record IntentFilter(string Column, IReadOnlySet<string> Only, IReadOnlySet<string> Skip)
{
    public static IntentFilter None { get; } = new("intent", new HashSet<string>(), new HashSet<string>());

    public bool IsActive => Only.Count > 0 || Skip.Count > 0;

    public bool Accepts(string intent) =>
        (Only.Count == 0 || Only.Contains(intent)) && !Skip.Contains(intent);
}

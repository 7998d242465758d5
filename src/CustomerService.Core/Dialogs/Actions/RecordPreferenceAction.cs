using CustomerService.Core.Ports;

namespace CustomerService.Core.Dialogs.Actions;

/// <summary>
/// <c>record_preference</c>: stores a profile fact. Args: <c>fact</c> (one of a fixed list, so a dialog file
/// cannot write arbitrary keys) and <c>value</c> (a template such as <c>{{Category}}</c>). Outcomes: recorded, missing.
/// </summary>
internal sealed class RecordPreferenceAction(ICustomerStore customers) : IDialogAction
{
    public const string ActionName = "record_preference";
    public const string FactArg = "fact";
    public const string ValueArg = "value";
    private const int MaxValueLength = 200;

    public static IReadOnlyList<string> AllowedFacts { get; } =
        ["preferred_category", "newsletter", "contact_email", "review", "name"];

    public string Name => ActionName;

    public async Task<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fact = context.Args.GetValueOrDefault(FactArg);
        if (fact is null || !AllowedFacts.Contains(fact, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"record_preference: fact '{fact}' is not allowed.");
        }

        var value = PlaceholderFiller.Fill(context.Args.GetValueOrDefault(ValueArg) ?? string.Empty, context.Values.Get);
        if (string.IsNullOrWhiteSpace(value))
        {
            return DialogActionResult.Of(ActionOutcomes.Missing);
        }

        if (value.Length > MaxValueLength)
        {
            value = value[..MaxValueLength];
        }

        await customers.SetFactAsync(context.CustomerId, fact, value, cancellationToken);
        return new DialogActionResult(ActionOutcomes.Recorded, new Dictionary<string, string> { [fact] = value });
    }
}

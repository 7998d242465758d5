using System.Text.RegularExpressions;
using CustomerService.Core.Routing;

namespace CustomerService.Core.Dialogs;

/// <summary>The built-in slot validators dialog files may name.</summary>
internal static partial class SlotValidators
{
    public const string OrderNumber = "order_number";
    public const string Email = "email";
    public const string YesNo = "yes_no";
    public const string Name = "name";
    public const string Text = "text";

    /// <summary>Longest free-text slot value kept, in characters.</summary>
    public const int MaxTextLength = 500;

    private static readonly HashSet<string> Yes = new(StringComparer.Ordinal)
    {
        "yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "please", "yes please", "please do", "do it", "go ahead",
        "confirm", "confirmed", "correct", "right", "absolutely", "of course", "definitely", "si", "oui", "ja",
    };

    private static readonly HashSet<string> No = new(StringComparer.Ordinal)
    {
        "no", "n", "nope", "nah", "no thanks", "no thank you", "not now", "dont", "do not", "don t", "keep it",
        "never mind", "nevermind", "negative", "non", "nein",
    };

    public static IReadOnlyDictionary<string, SlotValidator> All { get; } = new Dictionary<string, SlotValidator>(StringComparer.Ordinal)
    {
        [OrderNumber] = new(OrderNumber, CanExtract: true, ParseOrderNumber),
        [Email] = new(Email, CanExtract: true, ParseEmail),
        [YesNo] = new(YesNo, CanExtract: false, ParseYesNo),
        [Name] = new(Name, CanExtract: false, ParseName),
        [Text] = new(Text, CanExtract: false, ParseText),
    };

    internal static string? ParseOrderNumber(string input)
    {
        // One candidate only: "12345 or 67890" is ambiguous and gets a re-prompt.
        var matches = OrderNumberPattern().Matches(input);
        return matches.Count == 1 ? matches[0].Groups["number"].Value.ToUpperInvariant() : null;
    }

    private static string? ParseEmail(string input)
    {
        var matches = EmailPattern().Matches(input);
        return matches.Count == 1 ? matches[0].Value.ToLowerInvariant() : null;
    }

    private static string? ParseYesNo(string input)
    {
        var key = CustomerText.ToMatchKey(input);
        return Yes.Contains(key) ? "yes" : No.Contains(key) ? "no" : null;
    }

    private static string? ParseName(string input)
    {
        var trimmed = input.Trim();
        return NamePattern().IsMatch(trimmed) ? trimmed : null;
    }

    private static string? ParseText(string input)
    {
        var trimmed = input.Trim();
        return trimmed.Length is > 0 and <= MaxTextLength ? trimmed : null;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}\-])#?(?<number>[A-Za-z]{0,4}-?[0-9]{4,20})(?![\p{L}\p{N}\-])", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex OrderNumberPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){0,8}\.[A-Za-z]{2,24}", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[\p{L}\p{M}][\p{L}\p{M}' .\-]{0,79}$", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex NamePattern();
}

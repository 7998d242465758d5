using System.Text.RegularExpressions;
using CustomerService.Core.Routing;

namespace CustomerService.Core.Dialogs;

/// <summary>
/// Post-processes generated text before a customer sees it: special tokens and control characters out,
/// a length cap at a sentence end, a cut-off last sentence dropped, placeholders filled or their sentences dropped.
/// </summary>
internal static partial class GeneratedTextFilter
{
    public static string Clean(string raw, int maxChars, Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var text = SpecialTokenPattern().Replace(raw, " ");
        text = CustomerText.Clean(text);
        text = RolePrefixPattern().Replace(text, string.Empty);
        text = CutAtSentenceEnd(text, maxChars);
        text = PlaceholderFiller.Fill(text, lookup);
        return text.Trim();
    }

    private static string CutAtSentenceEnd(string text, int maxChars)
    {
        if (text.Length > maxChars)
        {
            text = text[..maxChars];
        }

        var trimmed = text.TrimEnd();
        if (trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' or '…' or ')' or '"')
        {
            return trimmed;
        }

        // The token cap or the time budget stopped mid-sentence: keep only the complete sentences.
        var lastEnd = trimmed.LastIndexOfAny(['.', '!', '?', '…', '\n']);
        return lastEnd > 0 ? trimmed[..(lastEnd + 1)].TrimEnd() : trimmed;
    }

    [GeneratedRegex(@"<\|[^|<>]{0,40}\|>", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex SpecialTokenPattern();

    [GeneratedRegex(@"^\s*(?:assistant|agent|bot|response)\s*:\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 2000)]
    private static partial Regex RolePrefixPattern();
}

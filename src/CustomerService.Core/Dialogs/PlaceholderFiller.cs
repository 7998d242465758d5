using System.Text;
using System.Text.RegularExpressions;

namespace CustomerService.Core.Dialogs;

/// <summary>
/// Fills <c>{{Placeholder}}</c> slots in one pass. A sentence (or list line) holding a placeholder that
/// cannot be filled is dropped whole, and so is one with stray braces, so no slot ever reaches a customer.
/// </summary>
internal static partial class PlaceholderFiller
{
    public static string Fill(string text, Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lookup);
        if (!text.Contains('{', StringComparison.Ordinal) && !text.Contains('}', StringComparison.Ordinal))
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        foreach (var unit in SplitUnits(text))
        {
            var filled = FillUnit(unit, lookup);
            if (filled is not null)
            {
                output.Append(filled);
            }
            else if (unit.EndsWith('\n') && output.Length > 0 && output[^1] != '\n')
            {
                // Keep the line break of a dropped line so the next line does not run on.
                output.Append('\n');
            }
        }

        return Tidy(output.ToString());
    }

    /// <summary>Placeholder names in <paramref name="text"/>, normalised; for validation.</summary>
    public static IEnumerable<string> Names(string text) =>
        PlaceholderPattern().Matches(text).Select(m => PlaceholderKey.Normalize(m.Groups["name"].Value));

    /// <summary>Whether the text has braces that are not well-formed placeholders.</summary>
    public static bool HasStrayBraces(string text)
    {
        var withoutPlaceholders = PlaceholderPattern().Replace(text, string.Empty);
        return withoutPlaceholders.Contains("{{", StringComparison.Ordinal) || withoutPlaceholders.Contains("}}", StringComparison.Ordinal);
    }

    private static string? FillUnit(string unit, Func<string, string?> lookup)
    {
        if (HasStrayBraces(unit))
        {
            return null;
        }

        var missing = false;
        var filled = PlaceholderPattern().Replace(unit, match =>
        {
            var value = lookup(PlaceholderKey.Normalize(match.Groups["name"].Value));
            if (string.IsNullOrWhiteSpace(value))
            {
                missing = true;
                return string.Empty;
            }

            return value;
        });
        return missing ? null : filled;
    }

    /// <summary>Splits after sentence ends (. ! ? … followed by space) and after line breaks, keeping every character.</summary>
    internal static List<string> SplitUnits(string text)
    {
        var units = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = -1;
            if (c == '\n')
            {
                end = i + 1;
            }
            else if (c is '.' or '!' or '?' or '…' && i + 1 < text.Length && text[i + 1] is ' ' or '\t')
            {
                end = i + 1;
                while (end < text.Length && text[end] is ' ' or '\t')
                {
                    end++;
                }
            }

            if (end < 0)
            {
                continue;
            }

            var unit = text[start..end];

            // "2. " is a list marker, not a sentence: keep it with the text that follows.
            if (!ListMarkerPattern().IsMatch(unit))
            {
                units.Add(unit);
                start = end;
            }

            i = end - 1;
        }

        if (start < text.Length)
        {
            units.Add(text[start..]);
        }

        return units;
    }

    private static string Tidy(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd()).Where(l => !ListMarkerPattern().IsMatch(l + " "));
        var joined = string.Join('\n', lines);
        joined = ExtraBlankLines().Replace(joined, "\n\n");
        return DoubleSpaces().Replace(joined, " ").Trim();
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[^{}\r\n]{1,64}?)\s*\}\}", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"^\s*(?:[0-9]{1,3}[.)]|[-*•])\s+$", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex ListMarkerPattern();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex ExtraBlankLines();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant, 2000)]
    private static partial Regex DoubleSpaces();
}

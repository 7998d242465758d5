using System.Globalization;
using System.Text;

namespace CustomerService.Core.Routing;

/// <summary>Makes customer text safe to process: well-formed UTF-16, no control characters, NFKC.</summary>
public static class CustomerText
{
    /// <summary>
    /// Replaces lone surrogates (string.Normalize throws on them) with U+FFFD, drops control and format
    /// characters except newline and tab, applies NFKC (full-width digits become ASCII) and trims.
    /// </summary>
    public static string Clean(string? text, int maxChars = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxChars));
        for (var i = 0; i < text.Length && builder.Length < maxChars; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (c is '\n' or '\t' || (category != UnicodeCategory.Control && category != UnicodeCategory.Format))
            {
                builder.Append(c);
            }
            else if (c == '\r')
            {
                builder.Append('\n');
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormKC).Trim();
    }

    /// <summary>Lower-cased words of the text (letters and digits only), single-spaced, for rule matching.</summary>
    public static string ToMatchKey(string cleaned)
    {
        var builder = new StringBuilder(cleaned.Length);
        var pendingSpace = false;
        foreach (var c in cleaned.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c);
                pendingSpace = false;
            }
            else if (c != '\'' && c != '\u2019')
            {
                // Apostrophes join ("that's" → "thats"); everything else separates words.
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}

using System.Globalization;
using System.Text;

namespace CustomerService.Bot.Channels.Slack.BlockKit;

/// <summary>
/// Makes untrusted text inert in mrkdwn: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> are escaped so <c>&lt;!channel&gt;</c>
/// or <c>&lt;https://evil|click&gt;</c> stay text, and control characters are dropped.
/// </summary>
internal static class SlackMarkdown
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '\n':
                case '\t':
                    builder.Append((char)rune.Value);
                    break;
                default:
                    if (!IsHidden(rune))
                    {
                        builder.Append(rune.ToString());
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Escapes, then cuts to <paramref name="maxLength"/> characters without splitting an escape or a surrogate pair.</summary>
    public static string EscapeAndTruncate(string? text, int maxLength) => Truncate(Escape(text), maxLength);

    /// <summary>Cuts escaped text to at most <paramref name="maxLength"/> characters, ending with an ellipsis when cut.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (char.IsLowSurrogate(text[cut]) && cut > 0)
        {
            cut--;
        }

        // Never leave half an entity such as "&am" behind.
        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 6));
        if (amp >= 0 && text.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>Plain-text fields are not parsed for mentions, but they are capped and control characters dropped.</summary>
    public static string Plain(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(IsHidden(rune) || rune.Value is '\n' or '\t' ? " " : rune.ToString());
        }

        return Truncate(builder.ToString(), maxLength);
    }

    // Control characters and bidi overrides can hide or reorder what an agent reads; joiners stay (emoji sequences).
    private static bool IsHidden(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control
        || rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0xFEFF;
}

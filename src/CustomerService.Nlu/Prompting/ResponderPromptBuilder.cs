using System.Globalization;
using System.Text;
using CustomerService.Core.Ports;

namespace CustomerService.Nlu.Prompting;

/// <summary>
/// Builds the responder prompt in exactly the format the model was trained on
/// (models/training/prompts.py):
/// <code>
/// &lt;|endoftext|&gt;[context] name={name or -}; order={number} ({status}); last_issue={intent or -}
/// [intent] {intent}
/// [customer] {text}
/// [response]
/// </code>
/// The leading <c>&lt;|endoftext|&gt;</c> is the special token the platform inserts; <see cref="BuildBody"/>
/// returns the text after it, which is always encoded as ordinary text. Every inserted value is
/// neutralised first, so a customer cannot start a new line or forge a role marker.
/// </summary>
public static class ResponderPromptBuilder
{
    /// <summary>How the leading special token is shown in <see cref="BuildDisplay"/>; never parsed from text.</summary>
    public const string EndOfTextMarker = "<|endoftext|>";

    private const string Missing = "-";

    /// <summary>The prompt text that follows the leading end-of-text token.</summary>
    public static string BuildBody(string customerText, string intent, CustomerContext customer)
    {
        ArgumentNullException.ThrowIfNull(customerText);
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(customer);

        var order = Missing;
        var number = NeutralizeContextValue(customer.OpenOrderNumber);
        if (number.Length > 0)
        {
            var status = NeutralizeContextValue(customer.OpenOrderStatus);
            order = status.Length > 0 ? $"{number} ({status})" : number;
        }

        var builder = new StringBuilder(customerText.Length + 128);
        builder.Append("[context] name=").Append(OrMissing(NeutralizeContextValue(customer.Name)))
            .Append("; order=").Append(order)
            .Append("; last_issue=").Append(OrMissing(NeutralizeContextValue(customer.LastIssue)))
            .Append("\n[intent] ").Append(OrMissing(NeutralizeContextValue(intent)))
            .Append("\n[customer] ").Append(Neutralize(customerText))
            .Append("\n[response] ");
        return builder.ToString();
    }

    /// <summary>The whole prompt with the special token written out, for logs and tests only.</summary>
    public static string BuildDisplay(string customerText, string intent, CustomerContext customer) =>
        EndOfTextMarker + BuildBody(customerText, intent, customer);

    /// <summary>
    /// Makes text safe to place on one prompt line: every whitespace or separator run (including
    /// \r, \n, \t, U+0085, U+2028, U+2029) becomes one space, control characters are removed,
    /// <c>[</c> and <c>]</c> become <c>(</c> and <c>)</c>, and the result is trimmed.
    /// </summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsSeparator(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c switch
            {
                '[' => '(',
                ']' => ')',
                _ => c,
            });
        }

        return builder.ToString();
    }

    // Context values also lose ';' so a name such as "Bob; order=1 (refunded)" cannot forge a field.
    private static string NeutralizeContextValue(string? value) =>
        string.IsNullOrWhiteSpace(value) ? string.Empty : Neutralize(value).Replace(';', ',');

    private static string OrMissing(string value) => value.Length == 0 ? Missing : value;

    // Python's str whitespace (what the training recipe collapses) also counts U+001C..U+001F.
    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c)
        || c is >= '\u001C' and <= '\u001F'
        || char.GetUnicodeCategory(c) is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}

using System.Text.RegularExpressions;
using CustomerService.Core.Ports;
using CustomerService.Core.Routing;
using Microsoft.Extensions.Options;

namespace CustomerService.Core.Privacy;

/// <summary>
/// Masks card numbers (Luhn-checked), e-mail addresses, phone numbers and IBANs (mod-97 checked), each kind
/// switchable in <see cref="PrivacyOptions"/>. Order numbers, dates, tracking and ticket numbers are kept on purpose:
/// agents need them and they identify no one. Measured on tests/CustomerService.Core.Tests/Privacy/pii-corpus.tsv.
/// </summary>
internal sealed partial class PiiRedactor : ITextRedactor
{
    public const string CardMarker = "[card]";
    public const string EmailMarker = "[email]";
    public const string PhoneMarker = "[phone]";
    public const string IbanMarker = "[iban]";

    private const int MatchTimeoutMilliseconds = 2000;

    private readonly IOptionsMonitor<PrivacyOptions>? _options;

    /// <summary>Masks every kind (for callers without configuration).</summary>
    public PiiRedactor()
    {
    }

    /// <summary>Masks the kinds switched on in the <c>Privacy</c> section, read on every call so changes apply live.</summary>
    public PiiRedactor(IOptionsMonitor<PrivacyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = CustomerText.Clean(text);
        if (cleaned.Length == 0)
        {
            return cleaned;
        }

        var kinds = _options?.CurrentValue;
        try
        {
            if (kinds?.RedactEmails ?? true)
            {
                cleaned = EmailPattern().Replace(cleaned, EmailMarker);
            }

            if (kinds?.RedactIbans ?? true)
            {
                cleaned = IbanPattern().Replace(cleaned, RedactIban);
            }

            if (kinds?.RedactCardNumbers ?? true)
            {
                var ibanShaped = IbanShapedRanges(cleaned);
                cleaned = CardPattern().Replace(cleaned, m => !Overlaps(ibanShaped, m) && IsLuhnValid(m.Value) ? CardMarker : m.Value);
            }

            if (kinds?.RedactPhoneNumbers ?? true)
            {
                // An IBAN-shaped reference that failed its checksum stays whole: its digit groups are not a phone number.
                var ibanShaped = IbanShapedRanges(cleaned);
                var input = cleaned;
                cleaned = PhonePattern().Replace(cleaned, m => Overlaps(ibanShaped, m.Groups["number"]) ? m.Value : RedactPhone(m, input));
            }

            return cleaned;
        }
        catch (RegexMatchTimeoutException)
        {
            // Hostile input that makes a pattern slow must not leak: drop the text rather than pass it on.
            return "[redacted]";
        }
    }

    internal static bool IsLuhnValid(string candidate)
    {
        var sum = 0;
        var digits = 0;
        var doubleIt = false;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            var c = candidate[i];
            if (c is ' ' or '-')
            {
                continue;
            }

            if (c is < '0' or > '9')
            {
                return false;
            }

            var d = c - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            digits++;
            doubleIt = !doubleIt;
        }

        // Issuers' numbers start with 2–6 (Mastercard 2-series, Amex/Diners/JCB 3, Visa 4, Mastercard/Maestro 5,
        // Discover/UnionPay 6); a 15-digit order number starting with 1 that happens to pass Luhn is not a card.
        var first = candidate.TrimStart() is { Length: > 0 } trimmed ? trimmed[0] : '0';
        return digits is >= 13 and <= 19 && sum % 10 == 0 && first is >= '2' and <= '6';
    }

    internal static bool IsValidIban(string candidate)
    {
        Span<char> compact = stackalloc char[34];
        var length = 0;
        foreach (var c in candidate)
        {
            if (c == ' ')
            {
                continue;
            }

            if (length == compact.Length)
            {
                return false;
            }

            compact[length++] = char.ToUpperInvariant(c);
        }

        if (length < 15)
        {
            return false;
        }

        // ISO 13616: move the first four characters to the end, letters become 10..35, the number mod 97 is 1.
        var remainder = 0;
        for (var i = 0; i < length; i++)
        {
            var c = compact[(i + 4) % length];
            if (c is >= '0' and <= '9')
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    private static string RedactIban(Match match)
    {
        // The pattern may swallow a short word after the IBAN ("... 00 OK"): retry without trailing chunks.
        var candidate = match.Value;
        while (true)
        {
            if (IsValidIban(candidate))
            {
                return IbanMarker + match.Value[candidate.Length..];
            }

            var lastSpace = candidate.LastIndexOf(' ');
            if (lastSpace < 15)
            {
                return match.Value;
            }

            candidate = candidate[..lastSpace];
        }
    }

    private static string RedactPhone(Match match, string input)
    {
        var number = match.Groups["number"];
        var cued = match.Groups["cue"].Success;
        if (!IsPhone(number.Value, cued) || (!cued && !number.Value.StartsWith('+') && IsPartOfIdentifier(input, number.Index)))
        {
            return match.Value;
        }

        return match.Value[..(number.Index - match.Index)] + PhoneMarker;
    }

    /// <summary>
    /// An unannounced number right after an identifier's name ("SKU 400-123-4567", "tracking 1Z 999 AA1 01 2345 6784")
    /// or glued to a letters-and-digits token belongs to that identifier, whatever its shape.
    /// </summary>
    private static bool IsPartOfIdentifier(string input, int index)
    {
        var before = input.AsSpan(Math.Max(0, index - 24), Math.Min(24, index)).ToString();
        if (IdentifierContext().IsMatch(before))
        {
            return true;
        }

        var previous = before.TrimEnd().Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } words ? words[^1] : string.Empty;
        return previous.Any(char.IsAsciiLetter) && previous.Any(char.IsAsciiDigit);
    }

    internal static bool IsPhone(string value, bool cued)
    {
        var digits = value.Count(char.IsAsciiDigit);
        if (digits is < 7 or > 15)
        {
            return false;
        }

        if (DatePattern().IsMatch(value))
        {
            return false;
        }

        // International format, or the customer says it is a phone number: trust it.
        if (value.StartsWith('+') || cued)
        {
            return true;
        }

        // A bare digit run is an order or invoice number unless announced as a phone number.
        var groups = value.Split([' ', '(', ')', '.', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (groups.Length < 2 || digits < 9)
        {
            return false;
        }

        // Unannounced, a formatted number is a phone only in a phone's shape. Order ids, tickets, ZIP+4, ISBNs,
        // IP addresses, versions and card-shaped numbers (4-4-4-4) have other shapes: the national trunk prefix
        // 0 (or 00 for international) with groups of two or more digits, or the North American 3-3-4.
        if (value.TrimStart('(')[0] == '0')
        {
            return groups.All(g => g.Length >= 2);
        }

        var national = groups.Length == 4 && groups[0] == "1" ? groups[1..] : groups;
        return national.Length == 3
            && national[0].Length == 3 && national[0][0] >= '2'
            && national[1].Length == 3
            && national[2].Length == 4;
    }

    private static List<(int Start, int End)> IbanShapedRanges(string text)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (Match match in IbanPattern().Matches(text))
        {
            ranges.Add((match.Index, match.Index + match.Length));
        }

        return ranges;
    }

    private static bool Overlaps(List<(int Start, int End)> ranges, Group candidate)
    {
        foreach (var (start, end) in ranges)
        {
            if (candidate.Index < end && start < candidate.Index + candidate.Length)
            {
                return true;
            }
        }

        return false;
    }

    // The local part allows the RFC 5322 specials customers actually use (o'reilly, first+tag, a&b).
    [GeneratedRegex(@"[A-Za-z0-9._%+\-'!#$&*=?^`{|}~]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){0,8}\.[A-Za-z]{2,24}", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex EmailPattern();

    // Case-insensitive: customers type IBANs in lower case too; the mod-97 check keeps words from matching.
    [GeneratedRegex(@"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeoutMilliseconds)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"(?<![0-9])[0-9](?:[ \-]?[0-9]){12,18}(?![0-9])", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"(?:(?<cue>\b(?:phone|tel|telephone|mobile|cell|cellphone|landline|fax|call|ring|whatsapp|sms|text|reach me)\b(?:(?!order|invoice|ticket|tracking|ref|case|account|iban|card|item|sku)[^0-9+(\n]){0,20}))?(?<number>(?<![\w+#/])(?<![A-Za-z0-9]-)\+?(?:\([0-9]{1,5}\)[0-9]*|[0-9]+)(?:[ .\-]{1,2}(?:\([0-9]{1,5}\)[0-9]*|[0-9]+)){0,7})(?![\w])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeoutMilliseconds)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\b(?:order|invoice|inv|ref|reference|ticket|tracking|sku|item|serial|article|part|model|booking|confirmation|receipt|case|account|customer id|po)\b(?:\s*(?:number|no\.?|nr\.?|num|id|code))?\s*[:#]?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeoutMilliseconds)]
    private static partial Regex IdentifierContext();

    [GeneratedRegex(@"^\s*(?:[0-9]{4}[\-/.][0-9]{1,2}[\-/.][0-9]{1,2}|[0-9]{1,2}[\-/.][0-9]{1,2}[\-/.][0-9]{2,4})\s*$", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex DatePattern();
}

using System.Text;
using System.Text.RegularExpressions;

namespace CustomerService.Core.Tests.Privacy;

/// <summary>
/// Reads <c>pii-corpus.tsv</c>: <c>category TAB text</c>, where <c>{{kind:value}}</c> marks personal data
/// (card, email, phone, iban) and <c>{{neg:value}}</c> a look-alike that must survive (order numbers, dates...).
/// </summary>
public static partial class PiiCorpus
{
    public const string FileName = "Privacy/pii-corpus.tsv";

    public static readonly IReadOnlyDictionary<string, string> Markers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["card"] = "[card]",
        ["email"] = "[email]",
        ["phone"] = "[phone]",
        ["iban"] = "[iban]",
    };

    public static IReadOnlyList<PiiCorpusLine> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        var lines = new List<PiiCorpusLine>();
        var number = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            if (raw.Length == 0 || raw[0] == '#')
            {
                continue;
            }

            var tab = raw.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new FormatException($"{FileName} line {number}: expected 'category<TAB>text'.");
            }

            lines.Add(Parse(number, raw[..tab], raw[(tab + 1)..]));
        }

        return lines;
    }

    public static PiiCorpusLine Parse(int lineNumber, string category, string annotated)
    {
        var text = new StringBuilder();
        var expected = new StringBuilder();
        var spans = new List<PiiSpan>();
        var context = new List<string>();
        var position = 0;
        foreach (Match match in Annotation().Matches(annotated))
        {
            var before = annotated[position..match.Index];
            text.Append(before);
            expected.Append(before);
            context.Add(before);
            var kind = match.Groups["kind"].Value;
            var value = match.Groups["value"].Value;
            if (kind != PiiSpan.Negative && !Markers.ContainsKey(kind))
            {
                throw new FormatException($"{FileName} line {lineNumber}: unknown kind '{kind}'.");
            }

            text.Append(value);
            expected.Append(kind == PiiSpan.Negative ? value : Markers[kind]);
            spans.Add(new PiiSpan(kind, value));
            position = match.Index + match.Length;
        }

        var tail = annotated[position..];
        text.Append(tail);
        expected.Append(tail);
        context.Add(tail);
        if (annotated.Contains("{{", StringComparison.Ordinal) && spans.Count == 0)
        {
            throw new FormatException($"{FileName} line {lineNumber}: unbalanced annotation.");
        }

        // The redactor returns NFKC-normalised, trimmed text; the expectation is compared in the same form.
        return new PiiCorpusLine(lineNumber, category, text.ToString(), Normalize(expected.ToString()), spans, context);
    }

    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    [GeneratedRegex(@"\{\{(?<kind>[a-z]+):(?<value>.+?)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Annotation();
}

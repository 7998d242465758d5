using System.Globalization;
using System.Text;

namespace CustomerService.Core.Tests.Privacy;

/// <summary>
/// Span-level precision and recall of a redactor over the corpus. A piece of personal data counts as masked when
/// none of its letter/digit runs survive in the output beyond what a perfect redaction keeps; a look-alike (or the
/// digits of the surrounding text) counts as a false positive when any of its runs went missing.
/// </summary>
public sealed class RedactionScore
{
    private readonly Dictionary<string, (int Found, int Total)> _byKind = new(StringComparer.Ordinal);

    public int TruePositives { get; private set; }

    public int FalseNegatives { get; private set; }

    public int FalsePositives { get; private set; }

    public int Negatives { get; private set; }

    public int ExactLines { get; private set; }

    public int Lines { get; private set; }

    public List<string> Failures { get; } = [];

    public double Recall => TruePositives / (double)Math.Max(1, TruePositives + FalseNegatives);

    public double Precision => TruePositives / (double)Math.Max(1, TruePositives + FalsePositives);

    public IReadOnlyDictionary<string, (int Found, int Total)> ByKind => _byKind;

    public void Add(PiiCorpusLine line, string output)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(output);
        Lines++;
        if (output == line.Expected)
        {
            ExactLines++;
        }

        var problems = new List<string>();
        foreach (var span in line.Spans)
        {
            var pieces = Pieces(PiiCorpus.Normalize(span.Value));
            if (span.IsPersonalData)
            {
                var leaked = pieces.Any(p => Count(output, p) > Count(line.Expected, p));
                var (found, total) = _byKind.GetValueOrDefault(span.Kind);
                _byKind[span.Kind] = (found + (leaked ? 0 : 1), total + 1);
                if (leaked)
                {
                    FalseNegatives++;
                    problems.Add($"missed {span.Kind} '{span.Value}'");
                }
                else
                {
                    TruePositives++;
                }
            }
            else
            {
                Negatives++;
                if (pieces.Any(p => Count(output, p) < Count(line.Expected, p)))
                {
                    FalsePositives++;
                    problems.Add($"masked look-alike '{span.Value}'");
                }
            }
        }

        // Digits in the unlabelled text (e.g. "expiry 08/27") must survive too.
        var contextPieces = line.Context.SelectMany(c => Pieces(PiiCorpus.Normalize(c))).Where(p => p.Any(char.IsDigit)).Distinct(StringComparer.Ordinal);
        if (contextPieces.Any(p => Count(output, p) < Count(line.Expected, p)))
        {
            FalsePositives++;
            problems.Add("masked digits of the surrounding text");
        }

        if (problems.Count > 0)
        {
            Failures.Add(string.Create(CultureInfo.InvariantCulture, $"line {line.LineNumber} [{line.Category}]: {string.Join("; ", problems)} -> \"{output}\""));
        }
    }

    /// <summary>Runs of two or more letters or digits: what would identify the datum if it leaked.</summary>
    private static List<string> Pieces(string value)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        foreach (var c in value + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }

            if (current.Length >= 2)
            {
                pieces.Add(current.ToString());
            }

            current.Clear();
        }

        return pieces;
    }

    private static int Count(string text, string piece)
    {
        var count = 0;
        for (var i = text.IndexOf(piece, StringComparison.Ordinal); i >= 0; i = text.IndexOf(piece, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

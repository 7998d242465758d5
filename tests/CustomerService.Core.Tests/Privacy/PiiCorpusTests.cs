using System.Globalization;
using CustomerService.Core.Privacy;
using Xunit.Abstractions;

namespace CustomerService.Core.Tests.Privacy;

/// <summary>Measures the redactor on the labelled corpus (issue 6: recall ≥ 99 %, precision ≥ 95 %).</summary>
public sealed class PiiCorpusTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<PiiCorpusLine> Corpus = PiiCorpus.Load();

    [Fact]
    public void Corpus_HasAtLeast200LabelledLinesWithBothClasses()
    {
        var lines = Corpus;

        Assert.True(lines.Count >= 200, $"only {lines.Count} lines");
        Assert.True(lines.SelectMany(l => l.Spans).Count(s => s.IsPersonalData) >= 150);
        Assert.True(lines.SelectMany(l => l.Spans).Count(s => !s.IsPersonalData) >= 80);
        Assert.Equal(["card", "email", "iban", "phone"], lines.SelectMany(l => l.Spans).Where(s => s.IsPersonalData).Select(s => s.Kind).Distinct().Order());
    }

    [Fact]
    public void Redact_Corpus_MeetsRecallAndPrecisionTargets()
    {
        var redactor = new PiiRedactor();
        var score = new RedactionScore();
        var heldOut = new RedactionScore();
        var secondHeldOut = new RedactionScore();

        foreach (var line in Corpus)
        {
            var redacted = redactor.Redact(line.Text);
            score.Add(line, redacted);
            if (line.Category.StartsWith("holdout2-", StringComparison.Ordinal))
            {
                secondHeldOut.Add(line, redacted);
            }
            else if (line.Category.StartsWith("holdout-", StringComparison.Ordinal))
            {
                heldOut.Add(line, redacted);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lines {score.Lines} (exact {score.ExactLines}); personal data {score.TruePositives + score.FalseNegatives}, look-alikes {score.Negatives}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recall {score.Recall:P2} (TP {score.TruePositives}, FN {score.FalseNegatives}); precision {score.Precision:P2} (FP {score.FalsePositives})"));
        foreach (var (kind, (found, total)) in score.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind}: {found}/{total}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first held-out batch ({heldOut.Lines} lines): recall {heldOut.Recall:P2}, precision {heldOut.Precision:P2}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"second held-out batch ({secondHeldOut.Lines} lines): recall {secondHeldOut.Recall:P2}, precision {secondHeldOut.Precision:P2}"));
        foreach (var failure in score.Failures)
        {
            output.WriteLine(failure);
        }

        Assert.True(score.Recall >= 0.99, $"recall {score.Recall:P2}: {string.Join(" | ", score.Failures)}");
        Assert.True(score.Precision >= 0.95, $"precision {score.Precision:P2}: {string.Join(" | ", score.Failures)}");
    }

    [Theory]
    [InlineData("card")]
    [InlineData("email")]
    [InlineData("phone")]
    [InlineData("iban")]
    public void Redact_KindSwitchedOff_KeepsThatKindAndMasksTheOthers(string kind)
    {
        var redactor = new PiiRedactor(new StaticOptionsMonitor<PrivacyOptions>(new PrivacyOptions
        {
            RedactCardNumbers = kind != "card",
            RedactEmails = kind != "email",
            RedactPhoneNumbers = kind != "phone",
            RedactIbans = kind != "iban",
        }));
        var line = PiiCorpus.Parse(0, "config", "card {{card:4111 1111 1111 1111}}, mail {{email:ada@example.com}}, tel {{phone:+44 20 7946 0958}}, IBAN {{iban:DE89 3704 0044 0532 0130 00}}");

        var redacted = redactor.Redact(line.Text);

        foreach (var span in line.Spans)
        {
            if (span.Kind == kind)
            {
                Assert.Contains(span.Value, redacted, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain(span.Value, redacted, StringComparison.Ordinal);
                Assert.Contains(PiiCorpus.Markers[span.Kind], redacted, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Redact_OptionsChangedLive_AppliesOnNextCall()
    {
        var options = new PrivacyOptions();
        var monitor = new StaticOptionsMonitor<PrivacyOptions>(options);
        var redactor = new PiiRedactor(monitor);
        var before = redactor.Redact("mail ada@example.com");

        options.RedactEmails = false;
        var after = redactor.Redact("mail ada@example.com");

        Assert.Equal("mail [email]", before);
        Assert.Equal("mail ada@example.com", after);
    }
}

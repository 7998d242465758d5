using CustomerService.Core.Ports;

namespace CustomerService.Testing;

/// <summary>An intent classifier that answers from a script: exact texts (case-insensitive) first, then <see cref="Fallback"/>.</summary>
public sealed class ScriptedIntentClassifier : IIntentClassifier
{
    private readonly Dictionary<string, IntentPrediction> _script = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _calls = [];

    /// <summary>Answer for unscripted texts; by default a confident out_of_scope.</summary>
    public Func<string, IntentPrediction> Fallback { get; set; } = _ => new IntentPrediction("out_of_scope", 0.9f, []);

    /// <summary>Texts classified so far, in order.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public ScriptedIntentClassifier When(string text, string intent, float confidence = 0.95f, params IntentScore[] alternatives)
    {
        _script[text.Trim()] = new IntentPrediction(intent, confidence, alternatives.Length > 0 ? alternatives : [new IntentScore(intent, confidence)]);
        return this;
    }

    public Task<IReadOnlyList<IntentPrediction>> ClassifyAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_calls)
        {
            _calls.AddRange(texts);
        }

        IReadOnlyList<IntentPrediction> result = [.. texts.Select(t => _script.TryGetValue(t.Trim(), out var p) ? p : Fallback(t))];
        return Task.FromResult(result);
    }
}

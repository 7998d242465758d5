using CustomerService.Core.Ports;
using CustomerService.Testing;

namespace CustomerService.Bot.Tests;

/// <summary>
/// The host tests' classifier: the shared <see cref="ScriptedIntentClassifier"/>, plus a gate a test may close
/// to keep a turn busy until it opens it again.
/// </summary>
public sealed class ScriptedNlu(ScriptedIntentClassifier classifier) : IIntentClassifier
{
    public ScriptedIntentClassifier Classifier => classifier;

    /// <summary>While set, classification waits for it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public void Script(string text, string intent, float confidence = 0.97f) => classifier.When(text, intent, confidence);

    public async Task<IReadOnlyList<IntentPrediction>> ClassifyAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return await classifier.ClassifyAsync(texts, cancellationToken);
    }
}

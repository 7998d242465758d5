namespace CustomerService.Core.Ports;

/// <summary>Classifies customer text into intents. Implemented by the NLU library.</summary>
public interface IIntentClassifier
{
    /// <summary>
    /// Classifies a batch of texts; the result has one prediction per text, in order.
    /// Over-long text is truncated, never rejected. Results do not depend on batch composition.
    /// </summary>
    Task<IReadOnlyList<IntentPrediction>> ClassifyAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}

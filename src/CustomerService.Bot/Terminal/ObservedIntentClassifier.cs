using CustomerService.Core.Ports;

namespace CustomerService.Bot.Terminal;

/// <summary>Console mode only: the real classifier, with its last answer shown to the person at the terminal.</summary>
internal sealed class ObservedIntentClassifier(IIntentClassifier inner, ConsoleTurnObserver observer) : IIntentClassifier
{
    public async Task<IReadOnlyList<IntentPrediction>> ClassifyAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var predictions = await inner.ClassifyAsync(texts, cancellationToken);
        if (predictions.Count > 0)
        {
            observer.Record(predictions[^1]);
        }

        return predictions;
    }
}

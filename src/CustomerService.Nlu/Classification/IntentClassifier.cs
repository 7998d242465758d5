using CustomerService.Core.Ports;
using CustomerService.Nlu.Batching;

namespace CustomerService.Nlu.Classification;

/// <summary>The <see cref="IIntentClassifier"/> port: every call goes through the micro-batcher.</summary>
internal sealed class IntentClassifier(ClassificationBatcher batcher) : IIntentClassifier
{
    public Task<IReadOnlyList<IntentPrediction>> ClassifyAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        batcher.ClassifyAsync(texts, cancellationToken);
}

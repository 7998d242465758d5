using CustomerService.Core.Ports;

namespace CustomerService.Nlu.Batching;

/// <summary>One text waiting to be classified, with the promise its caller awaits.</summary>
internal sealed class ClassificationJob(string text, long enqueuedAt, CancellationToken cancellationToken)
{
    public string Text { get; } = text;

    public long EnqueuedAt { get; } = enqueuedAt;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public TaskCompletionSource<IntentPrediction> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

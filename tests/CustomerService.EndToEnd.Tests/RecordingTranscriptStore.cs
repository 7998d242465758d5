using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;

namespace CustomerService.EndToEnd.Tests;

/// <summary>The real transcript store, with each NLU annotation also handed to the test.</summary>
public sealed class RecordingTranscriptStore(ITranscriptStore inner, AnnotationRecorder recorder) : ITranscriptStore
{
    public Task<StoredActivity> AppendCommittedAsync(string conversationId, Activity activity, CancellationToken cancellationToken) =>
        inner.AppendCommittedAsync(conversationId, activity, cancellationToken);

    public void Stage(string conversationId, Activity activity) => inner.Stage(conversationId, activity);

    public async Task AnnotateAsync(string activityId, TurnAnnotation annotation, CancellationToken cancellationToken)
    {
        await inner.AnnotateAsync(activityId, annotation, cancellationToken);
        recorder.Record(activityId, annotation);
    }

    public Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        inner.ReadAsync(conversationId, afterSequence, limit, cancellationToken);
}

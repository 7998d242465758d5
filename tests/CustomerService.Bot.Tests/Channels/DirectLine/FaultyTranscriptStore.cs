using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;

namespace CustomerService.Bot.Tests.Channels.DirectLine;

/// <summary>The real transcript store, whose reads fail on demand (a locked or lost database).</summary>
public sealed class FaultyTranscriptStore(ITranscriptStore inner, TranscriptFaults faults) : ITranscriptStore
{
    public Task<StoredActivity> AppendCommittedAsync(string conversationId, Activity activity, CancellationToken cancellationToken) =>
        inner.AppendCommittedAsync(conversationId, activity, cancellationToken);

    public void Stage(string conversationId, Activity activity) => inner.Stage(conversationId, activity);

    public Task AnnotateAsync(string activityId, TurnAnnotation annotation, CancellationToken cancellationToken) =>
        inner.AnnotateAsync(activityId, annotation, cancellationToken);

    public Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        faults.FailReads
            ? throw new InvalidOperationException("database is locked")
            : inner.ReadAsync(conversationId, afterSequence, limit, cancellationToken);
}

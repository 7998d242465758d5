using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;

namespace CustomerService.Core.Ports;

/// <summary>
/// Every activity of every conversation, in order. The same log serves the Direct Line watermarks,
/// history replay, the agent page and data export.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>
    /// Appends an inbound activity and commits at once, so an acknowledged customer message is durable
    /// before the channel acknowledges it. Returns the activity with its id, timestamp and sequence assigned.
    /// </summary>
    Task<StoredActivity> AppendCommittedAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Stages an outbound activity for the turn's commit; ids are assigned when the turn commits.</summary>
    void Stage(string conversationId, Activity activity);

    /// <summary>Stages the NLU annotation of a stored inbound activity.</summary>
    Task AnnotateAsync(string activityId, TurnAnnotation annotation, CancellationToken cancellationToken);

    /// <summary>Activities with sequence greater than <paramref name="afterSequence"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken);
}

using CustomerService.Core.Activities;

namespace CustomerService.Core.Handoff;

/// <summary>
/// What agents do to a handed-off conversation (agent page, Slack buttons and thread replies). Each call
/// runs under the conversation's turn lock and commits in its own transaction; the caller publishes the
/// returned activities through the conversation's channel (<see cref="HandoffResult.ChannelId"/>).
/// </summary>
public interface IHandoffService
{
    /// <summary>
    /// Compare-and-set claim: Pending → Agent owned by <paramref name="agent"/>. A second agent gets
    /// <see cref="HandoffOutcome.AlreadyClaimed"/>; the owner claiming again gets <see cref="HandoffOutcome.NoChange"/>.
    /// </summary>
    Task<HandoffResult> ClaimAsync(string conversationId, ChannelAccount agent, CancellationToken cancellationToken = default);

    /// <summary>Pending or Agent → Resolved; the bot answers again from the customer's next message.</summary>
    Task<HandoffResult> ResolveAsync(string conversationId, ChannelAccount agent, CancellationToken cancellationToken = default);

    /// <summary>Stages the owning agent's message to the customer as a message from role <c>agent</c>.</summary>
    Task<HandoffResult> ReplyAsync(string conversationId, ChannelAccount agent, string text, CancellationToken cancellationToken = default);
}

using CustomerService.Core.Activities;

namespace CustomerService.Core.Ports;

/// <summary>
/// Finds customer messages that were stored, and so acknowledged, but never answered: the host stopped
/// between the acknowledgement and the commit of the message's turn. Read once at start to run those turns.
/// </summary>
public interface IUnansweredMessages
{
    /// <summary>
    /// Customer messages on <paramref name="channelId"/> stored at or after <paramref name="since"/> and before
    /// <paramref name="before"/> that no activity replies to (<c>replyToId</c>), in conversations the bot still owns:
    /// the newest <paramref name="limit"/> of them (past that, the oldest are the least likely to be awaited), oldest first.
    /// </summary>
    Task<IReadOnlyList<UnansweredMessage>> FindAsync(
        string channelId, DateTimeOffset since, DateTimeOffset before, int limit, CancellationToken cancellationToken);
}

/// <summary>A stored customer message whose turn never committed.</summary>
public sealed record UnansweredMessage(string ConversationId, StoredActivity Inbound);

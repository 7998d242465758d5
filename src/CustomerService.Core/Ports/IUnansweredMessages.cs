using CustomerService.Core.Activities;

namespace CustomerService.Core.Ports;

/// <summary>
/// Finds customer messages that were stored, and so acknowledged, but never answered: the host stopped
/// between the acknowledgement and the commit of the message's turn. Read page by page at start to run those turns.
/// </summary>
public interface IUnansweredMessages
{
    /// <summary>
    /// Customer messages on <paramref name="channelId"/> stored at or after <paramref name="since"/> and before
    /// <paramref name="before"/> that no activity replies to (<c>replyToId</c>), in conversations the bot still owns:
    /// oldest first, at most <paramref name="limit"/>, those stored after <paramref name="after"/> (the last message of
    /// the previous page; null for the first). Paging by position, not by offset, so messages answered meanwhile
    /// neither shift a page nor are skipped.
    /// </summary>
    Task<IReadOnlyList<UnansweredMessage>> FindAsync(
        string channelId, DateTimeOffset since, DateTimeOffset before, UnansweredMessage? after, int limit, CancellationToken cancellationToken);
}

/// <summary>A stored customer message whose turn never committed; <paramref name="StoredAt"/> orders the pages.</summary>
public sealed record UnansweredMessage(string ConversationId, StoredActivity Inbound, DateTimeOffset StoredAt);

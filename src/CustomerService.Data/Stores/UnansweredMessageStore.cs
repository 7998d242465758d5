using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Data.Stores;

/// <summary>
/// Every turn of a bot-owned conversation commits at least one reply whose <c>replyToId</c> names the customer's
/// message, so a customer message that nothing replies to is one whose turn never committed. Later replies do
/// not count: turns queue, so a conversation's later messages can be stored before an earlier turn commits.
/// </summary>
internal sealed class UnansweredMessageStore(CustomerServiceDbContext db) : IUnansweredMessages
{
    public async Task<IReadOnlyList<UnansweredMessage>> FindAsync(
        string channelId, DateTimeOffset since, DateTimeOffset before, UnansweredMessage? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

        // replyToId lives only in the stored wire JSON, hence SQL (SQLite's json_extract); times are stored as UTC ticks.
        // The page key (Timestamp, ConversationId, Sequence) is unique, so equal timestamps never straddle pages unseen.
        var bot = HandoffState.Bot.ToString();
        var afterTicks = after?.StoredAt.UtcTicks ?? long.MinValue;
        var afterConversation = after?.ConversationId ?? string.Empty;
        var afterSequence = after?.Inbound.Sequence ?? long.MinValue;
        var rows = await db.Database.SqlQuery<UnansweredRow>($"""
            SELECT a.ConversationId, a.Sequence, a.Timestamp, a.Json
            FROM Activities AS a
            JOIN Conversations AS c ON c.Id = a.ConversationId
            WHERE c.ChannelId = {channelId} AND c.Handoff = {bot} AND c.LastActivityAt >= {since.UtcTicks}
              AND a.Timestamp >= {since.UtcTicks} AND a.Timestamp < {before.UtcTicks}
              AND (a.Timestamp, a.ConversationId, a.Sequence) > ({afterTicks}, {afterConversation}, {afterSequence})
              AND a.Type = {ActivityTypes.Message} AND (a.Role = {RoleTypes.User} OR a.Role IS NULL)
              AND NOT EXISTS (
                SELECT 1 FROM Activities AS r
                WHERE r.ConversationId = a.ConversationId AND r.Sequence > a.Sequence
                  AND json_extract(r.Json, '$.replyToId') = a.ActivityId)
            ORDER BY a.Timestamp, a.ConversationId, a.Sequence
            LIMIT {Math.Min(limit, DataLimits.MaxPageSize)}
            """).ToListAsync(cancellationToken);

        return rows.ConvertAll(r => new UnansweredMessage(
            r.ConversationId, new StoredActivity(r.Sequence, ActivityRecordMapper.Deserialize(r.Json)), new DateTimeOffset(r.Timestamp, TimeSpan.Zero)));
    }

    private sealed record UnansweredRow(string ConversationId, long Sequence, long Timestamp, string Json);
}

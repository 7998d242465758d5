using CustomerService.Core.Escalation;
using CustomerService.Data.Escalations;
using Microsoft.Extensions.Logging;

namespace CustomerService.Data;

/// <summary>Log messages of the data layer (event ids 3000–3999). Ids and counts only, never customer text.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Applied {Count} database migration(s): {Migrations}")]
    public static partial void MigrationsApplied(ILogger logger, int count, IEnumerable<string> migrations);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Database schema is up to date")]
    public static partial void DatabaseUpToDate(ILogger logger);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Seeded {Count} demo customer(s)")]
    public static partial void DemoDataSeeded(ILogger logger, int count);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "SQLite opened with journal mode {JournalMode}, synchronous {Synchronous}")]
    public static partial void SqliteOpened(ILogger logger, string journalMode, string synchronous);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Created conversation {ConversationId} on {ChannelId} for customer {CustomerId}")]
    public static partial void ConversationCreated(ILogger logger, string conversationId, string channelId, string customerId);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Created customer {CustomerId} for a new {ChannelId} identity")]
    public static partial void CustomerCreated(ILogger logger, string customerId, string channelId);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Debug, Message = "Turn committed: {ActivityCount} activities, {EntityCount} row changes")]
    public static partial void TurnCommitted(ILogger logger, int activityCount, int entityCount);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Debug, Message = "Appended activity {ActivityId} (sequence {Sequence})")]
    public static partial void ActivityAppended(ILogger logger, string activityId, long sequence);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "Stored dialog state of conversation {ConversationId} is unreadable; the dialog restarts")]
    public static partial void DialogStateUnreadable(ILogger logger, string conversationId, Exception exception);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Information, Message = "Conversation {ConversationId} already has open escalation {EscalationId}; no second one is created")]
    public static partial void EscalationAlreadyOpen(ILogger logger, string conversationId, string escalationId);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Information, Message = "Escalation {EscalationId} created for conversation {ConversationId} ({Reason})")]
    public static partial void EscalationStaged(ILogger logger, string escalationId, string conversationId, EscalationReason reason);

    [LoggerMessage(EventId = 3025, Level = LogLevel.Warning, Message = "Annotation for unknown activity {ActivityId} ignored")]
    public static partial void AnnotationTargetMissing(ILogger logger, string activityId);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Debug, Message = "Claimed {Count} outbox message(s)")]
    public static partial void OutboxClaimed(ILogger logger, int count);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "Reset {Count} outbox message(s) left in progress by an earlier run")]
    public static partial void OutboxReset(ILogger logger, int count);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Type}) failed attempt {Attempts} with {ErrorCode}; next attempt at {NextAttemptAt:o}")]
    public static partial void OutboxRetryScheduled(ILogger logger, Guid messageId, string type, int attempts, string errorCode, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 3033, Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Type}) given up after {Attempts} attempts; last error {ErrorCode}")]
    public static partial void OutboxGivenUp(ILogger logger, Guid messageId, string type, int attempts, string errorCode);

    [LoggerMessage(EventId = 3034, Level = LogLevel.Warning, Message = "Outbox message {MessageId} is not in progress; outcome {Outcome} ignored")]
    public static partial void OutboxOutcomeIgnored(ILogger logger, Guid messageId, string outcome);

    [LoggerMessage(EventId = 3040, Level = LogLevel.Information, Message = "Escalation {EscalationId} claimed by {AgentId}")]
    public static partial void EscalationClaimed(ILogger logger, string escalationId, string agentId);

    [LoggerMessage(EventId = 3041, Level = LogLevel.Information, Message = "Escalation {EscalationId}: claim by {AgentId} lost ({Outcome})")]
    public static partial void EscalationClaimRejected(ILogger logger, string escalationId, string agentId, ClaimOutcome outcome);

    [LoggerMessage(EventId = 3042, Level = LogLevel.Information, Message = "Escalation {EscalationId} resolved by {AgentId}")]
    public static partial void EscalationResolved(ILogger logger, string escalationId, string agentId);

    [LoggerMessage(EventId = 3050, Level = LogLevel.Information, Message = "Exported data of customer {CustomerId}")]
    public static partial void CustomerExported(ILogger logger, string customerId);

    [LoggerMessage(EventId = 3051, Level = LogLevel.Information, Message = "Erased customer {CustomerId}: {Conversations} conversation(s), {Activities} activities, {Escalations} escalation(s)")]
    public static partial void CustomerErased(ILogger logger, string customerId, int conversations, int activities, int escalations);

    [LoggerMessage(EventId = 3052, Level = LogLevel.Information, Message = "Retention deleted {Count} conversation(s) inactive since before {Cutoff:o}")]
    public static partial void RetentionDeleted(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 3060, Level = LogLevel.Debug, Message = "Slack event {EventId} already processed")]
    public static partial void SlackEventDuplicate(ILogger logger, string eventId);
}

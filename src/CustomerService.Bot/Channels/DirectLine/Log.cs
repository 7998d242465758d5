namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Direct Line log events (4000–4099). Customer text is never logged here, only ids and sizes.</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Warning, "DirectLine:TokenSigningKey is not set: tokens are signed with a key generated for this process and stop working when it restarts. Set DirectLine__TokenSigningKey to keep them valid.")]
    public static partial void SigningKeyGenerated(ILogger logger);

    [LoggerMessage(4001, LogLevel.Information, "Direct Line token rejected ({Reason})")]
    public static partial void TokenRejected(ILogger logger, string reason);

    [LoggerMessage(4002, LogLevel.Warning, "Direct Line token used for a conversation it was not issued for")]
    public static partial void ConversationForbidden(ILogger logger);

    [LoggerMessage(4003, LogLevel.Information, "Conversation {ConversationId} started")]
    public static partial void ConversationStarted(ILogger logger, string conversationId);

    [LoggerMessage(4004, LogLevel.Information, "Activity {ActivityId} ({Type}) received in {ConversationId}")]
    public static partial void ActivityReceived(ILogger logger, string activityId, string type, string conversationId);

    [LoggerMessage(4005, LogLevel.Information, "Activity rejected in {ConversationId}: {Code}")]
    public static partial void ActivityRejected(ILogger logger, string conversationId, string code);

    [LoggerMessage(4006, LogLevel.Error, "Reading activities of {ConversationId} failed; the poll answers an empty set")]
    public static partial void PollFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(4007, LogLevel.Information, "Stream opened for {ConversationId} after watermark {Watermark}")]
    public static partial void StreamOpened(ILogger logger, string conversationId, long watermark);

    [LoggerMessage(4008, LogLevel.Information, "Stream of {ConversationId} closed ({Reason})")]
    public static partial void StreamClosed(ILogger logger, string conversationId, string reason);

    [LoggerMessage(4009, LogLevel.Information, "A newer socket replaced the stream of {ConversationId}")]
    public static partial void StreamReplaced(ILogger logger, string conversationId);

    [LoggerMessage(4010, LogLevel.Warning, "Stream of {ConversationId} failed")]
    public static partial void StreamFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(4011, LogLevel.Warning, "The turn queue is full; activity {ActivityId} of {ConversationId} was stored but not answered")]
    public static partial void TurnQueueFull(ILogger logger, string activityId, string conversationId);

    [LoggerMessage(4014, LogLevel.Warning, "Answering {Count} customer messages the previous run acknowledged but did not answer")]
    public static partial void ResumingUnanswered(ILogger logger, int count);

    [LoggerMessage(4015, LogLevel.Warning, "The turn queue is full; unanswered activity {ActivityId} of {ConversationId} from the previous run was not resumed")]
    public static partial void ResumeRefused(ILogger logger, string activityId, string conversationId);

    [LoggerMessage(4013, LogLevel.Information, "Poll of {ConversationId} timed out; answered an empty set")]
    public static partial void PollTimedOut(ILogger logger, string conversationId);
}

using CustomerService.Bot.Channels.Slack.Signing;
using Microsoft.Extensions.Logging;

namespace CustomerService.Bot.Channels.Slack;

/// <summary>Slack channel logs, event ids 4500–4599. Ids, codes and counts only; customer text never above Debug.</summary>
internal static partial class Log
{
    [LoggerMessage(4500, LogLevel.Warning, "Slack request to {Path} rejected: signature {Result}")]
    public static partial void SlackSignatureRejected(ILogger logger, PathString path, SlackSignatureResult result);

    [LoggerMessage(4501, LogLevel.Warning, "Slack request to {Path} rejected: body larger than {Limit} bytes")]
    public static partial void SlackRequestTooLarge(ILogger logger, PathString path, int limit);

    [LoggerMessage(4502, LogLevel.Warning, "Slack request to {Path} rejected: {Problem}")]
    public static partial void SlackRequestMalformed(ILogger logger, PathString path, string problem);

    [LoggerMessage(4503, LogLevel.Information, "Slack url_verification answered")]
    public static partial void SlackUrlVerified(ILogger logger);

    [LoggerMessage(4504, LogLevel.Debug, "Slack event {EventId} ignored: {Reason}")]
    public static partial void SlackEventIgnored(ILogger logger, string? eventId, string reason);

    [LoggerMessage(4505, LogLevel.Information, "Slack event {EventId} is a duplicate (retry {RetryNum}, reason {RetryReason}); skipped")]
    public static partial void SlackEventDuplicate(ILogger logger, string eventId, int retryNum, string? retryReason);

    [LoggerMessage(4506, LogLevel.Information, "Slack event {EventId} accepted as {Kind} for conversation {ConversationId} (retry {RetryNum})")]
    public static partial void SlackEventAccepted(ILogger logger, string eventId, string kind, string conversationId, int retryNum);

    [LoggerMessage(4507, LogLevel.Error, "Slack work queue is full; event {EventId} not taken in")]
    public static partial void SlackQueueFull(ILogger logger, string eventId);

    [LoggerMessage(4508, LogLevel.Error, "Slack event {EventId} could not be stored")]
    public static partial void SlackEventStoreFailed(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(4515, LogLevel.Debug, "Slack processed-event ledger pruned: {Count} old ids removed")]
    public static partial void SlackLedgerPruned(ILogger logger, int count);

    [LoggerMessage(4510, LogLevel.Error, "Slack {Method} failed with {ErrorCode} (HTTP {Status})")]
    public static partial void SlackApiError(ILogger logger, string method, string errorCode, int status);

    [LoggerMessage(4511, LogLevel.Warning, "Slack {Method} unreachable: {Problem}")]
    public static partial void SlackApiUnreachable(ILogger logger, string method, string problem);

    [LoggerMessage(4512, LogLevel.Information, "Slack {Method} warning: {Warning}")]
    public static partial void SlackApiWarning(ILogger logger, string method, string warning);

    [LoggerMessage(4513, LogLevel.Information, "Slack identity learned: bot user {BotUserId}, bot {BotId}, team {TeamId}")]
    public static partial void SlackIdentityLearned(ILogger logger, string botUserId, string? botId, string? teamId);

    [LoggerMessage(4514, LogLevel.Warning, "Slack auth.test failed ({ErrorCode}); self-filtering relies on bot_id until it succeeds")]
    public static partial void SlackIdentityUnknown(ILogger logger, string? errorCode);

    [LoggerMessage(4520, LogLevel.Information, "Slack action {ActionId} by {User} on conversation {ConversationId}: {Outcome}")]
    public static partial void SlackCardAction(ILogger logger, string actionId, string user, string conversationId, string outcome);

    [LoggerMessage(4521, LogLevel.Debug, "Slack interaction of type {Type} ignored")]
    public static partial void SlackInteractionIgnored(ILogger logger, string? type);

    [LoggerMessage(4522, LogLevel.Information, "Slack agent {User} replied on conversation {ConversationId}: {Outcome}")]
    public static partial void SlackAgentReply(ILogger logger, string user, string conversationId, string outcome);

    [LoggerMessage(4523, LogLevel.Debug, "Slack internal note by {User} on conversation {ConversationId} kept in Slack")]
    public static partial void SlackInternalNote(ILogger logger, string user, string conversationId);

    [LoggerMessage(4524, LogLevel.Debug, "Slack thread reply in {Channel} is not on an escalation card; ignored")]
    public static partial void SlackThreadNotACard(ILogger logger, string channel);

    [LoggerMessage(4525, LogLevel.Warning, "Slack turn for conversation {ConversationId} not queued: the bot is busy")]
    public static partial void SlackTurnBusy(ILogger logger, string conversationId);

    [LoggerMessage(4526, LogLevel.Error, "Slack work item {Kind} for conversation {ConversationId} failed")]
    public static partial void SlackWorkFailed(ILogger logger, Exception exception, string kind, string conversationId);

    [LoggerMessage(4527, LogLevel.Debug, "Slack reply in {ConversationId}: {Length} characters in {Parts} message(s)")]
    public static partial void SlackReplyPosting(ILogger logger, string conversationId, int length, int parts);

    [LoggerMessage(4528, LogLevel.Warning, "Slack reply for conversation {ConversationId} could not be delivered ({ErrorCode})")]
    public static partial void SlackReplyFailed(ILogger logger, string conversationId, string? errorCode);

    [LoggerMessage(4530, LogLevel.Information, "Slack Socket Mode connected ({Connections} connections)")]
    public static partial void SocketConnected(ILogger logger, int connections);

    [LoggerMessage(4531, LogLevel.Information, "Slack Socket Mode disconnect requested: {Reason}")]
    public static partial void SocketDisconnectRequested(ILogger logger, string? reason);

    [LoggerMessage(4532, LogLevel.Warning, "Slack Socket Mode connection lost ({Problem}); reconnecting in {Delay}")]
    public static partial void SocketReconnecting(ILogger logger, string problem, TimeSpan delay);

    [LoggerMessage(4533, LogLevel.Debug, "Slack Socket Mode envelope {EnvelopeId} of type {Type} acknowledged")]
    public static partial void SocketEnvelopeAcked(ILogger logger, string envelopeId, string? type);

    [LoggerMessage(4534, LogLevel.Warning, "Slack Socket Mode frame dropped: {Problem}")]
    public static partial void SocketFrameDropped(ILogger logger, string problem);

    [LoggerMessage(4535, LogLevel.Error, "Slack Socket Mode was disabled for this app (link_disabled); stopping")]
    public static partial void SocketLinkDisabled(ILogger logger);

    [LoggerMessage(4536, LogLevel.Information, "Answering {Count} Slack customer message(s) the previous run acknowledged but never answered")]
    public static partial void SlackResumingUnanswered(ILogger logger, int count);

    [LoggerMessage(4537, LogLevel.Warning, "Unanswered Slack activity {ActivityId} of {ConversationId} from the previous run was not resumed (no thread to answer in, or the work queue is full)")]
    public static partial void SlackResumeSkipped(ILogger logger, string activityId, string conversationId);
}

namespace CustomerService.Bot.Agents;

/// <summary>Agent console logs, event ids 4500–4549. Never customer text; agent names and ids only.</summary>
internal static partial class Log
{
    [LoggerMessage(4500, LogLevel.Information, "Agent {Agent} signed in")]
    public static partial void SignedIn(ILogger logger, string agent);

    [LoggerMessage(4501, LogLevel.Warning, "Agent sign-in failed from {Address}")]
    public static partial void SignInFailed(ILogger logger, string? address);

    [LoggerMessage(4502, LogLevel.Warning, "Agent sign-in refused from {Address}: locked out for {RetryAfter} after repeated failures")]
    public static partial void SignInLockedOut(ILogger logger, string? address, TimeSpan retryAfter);

    [LoggerMessage(4503, LogLevel.Warning, "Agent API request with an invalid API key")]
    public static partial void ApiKeyRejected(ILogger logger);

    [LoggerMessage(4504, LogLevel.Warning, "Agent console request without a valid antiforgery token: {Method} {Path}")]
    public static partial void AntiforgeryRejected(ILogger logger, string method, string path);

    [LoggerMessage(4505, LogLevel.Information, "Agent {Agent} signed out")]
    public static partial void SignedOut(ILogger logger, string agent);

    [LoggerMessage(4506, LogLevel.Warning, "Agent sign-in attempted but no agent accounts are configured: set Agents__Users__0__UserName and Agents__Users__0__PasswordHash")]
    public static partial void NoAccountsConfigured(ILogger logger);

    [LoggerMessage(4510, LogLevel.Information, "Agent {Agent} claimed conversation {ConversationId}")]
    public static partial void Claimed(ILogger logger, string agent, string conversationId);

    [LoggerMessage(4511, LogLevel.Information, "Agent {Agent} lost the claim race for conversation {ConversationId} to {Owner}")]
    public static partial void ClaimConflict(ILogger logger, string agent, string conversationId, string? owner);

    [LoggerMessage(4512, LogLevel.Information, "Agent {Agent} resolved conversation {ConversationId}")]
    public static partial void Resolved(ILogger logger, string agent, string conversationId);

    [LoggerMessage(4513, LogLevel.Information, "Agent {Agent} replied in conversation {ConversationId} ({Length} characters)")]
    public static partial void Replied(ILogger logger, string agent, string conversationId, int length);

    [LoggerMessage(4520, LogLevel.Debug, "Live-update subscriber {Subscriber} connected ({Count} open)")]
    public static partial void SubscriberConnected(ILogger logger, long subscriber, int count);

    [LoggerMessage(4521, LogLevel.Debug, "Live-update subscriber {Subscriber} disconnected ({Count} open)")]
    public static partial void SubscriberDisconnected(ILogger logger, long subscriber, int count);

    [LoggerMessage(4522, LogLevel.Warning, "Live-update subscriber {Subscriber} fell behind; oldest events dropped (the page resyncs from the store)")]
    public static partial void SubscriberLagging(ILogger logger, long subscriber);

    [LoggerMessage(4523, LogLevel.Warning, "Live-update connection refused: {Count} streams already open")]
    public static partial void TooManySubscribers(ILogger logger, int count);

    [LoggerMessage(4514, LogLevel.Warning, "Conversation {ConversationId} on channel {ChannelId} has no reply sink; the customer gets the agent's activities on the next poll")]
    public static partial void NoReplySink(ILogger logger, string conversationId, string channelId);

    [LoggerMessage(4515, LogLevel.Warning, "Escalation of conversation {ConversationId} did not follow the handoff: {Outcome}")]
    public static partial void EscalationOutOfStep(ILogger logger, string conversationId, string outcome);
}

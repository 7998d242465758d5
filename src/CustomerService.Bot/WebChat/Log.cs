namespace CustomerService.Bot.WebChat;

/// <summary>Chat page log events (4100–4199).</summary>
internal static partial class Log
{
    [LoggerMessage(4100, LogLevel.Information, "Chat page session: conversation {ConversationId} (resumed: {Resumed}, demo: {Demo})")]
    public static partial void SessionIssued(ILogger logger, string conversationId, bool resumed, bool demo);

    [LoggerMessage(4101, LogLevel.Information, "Chat page asked for unknown demo customer; a new anonymous visitor was used")]
    public static partial void UnknownDemoCustomer(ILogger logger);
}

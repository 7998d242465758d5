namespace CustomerService.Bot.Tests.Channels.DirectLine;

/// <summary>A conversation started through <c>POST /conversations</c>.</summary>
public sealed record StartedConversation(string ConversationId, string Token, string StreamUrl);

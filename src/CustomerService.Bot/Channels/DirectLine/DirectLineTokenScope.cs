namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>What a token may be used for: the REST API of one conversation, opening its stream, or resuming it from the chat page.</summary>
internal enum DirectLineTokenScope
{
    Conversation = 0,
    Stream = 1,
    Resume = 2,
}

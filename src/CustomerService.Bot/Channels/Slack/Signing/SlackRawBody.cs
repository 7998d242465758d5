namespace CustomerService.Bot.Channels.Slack.Signing;

/// <summary>The verified raw request body, exactly as Slack signed it; handlers parse from these bytes.</summary>
internal sealed record SlackRawBody(ReadOnlyMemory<byte> Bytes);

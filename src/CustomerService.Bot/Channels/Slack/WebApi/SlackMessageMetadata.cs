namespace CustomerService.Bot.Channels.Slack.WebApi;

/// <summary>Message metadata: an event type plus a small payload, so our own posts can be recognised later.</summary>
internal sealed record SlackMessageMetadata(string EventType, IReadOnlyDictionary<string, string> EventPayload);

namespace CustomerService.Bot.Channels.Slack.WebApi;

/// <summary>auth.test's answer: the bot user id (<c>U…</c>), the bot id (<c>B…</c>) and the team.</summary>
internal sealed record SlackIdentity(string UserId, string? BotId, string? TeamId);

namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>The url_verification answer, as Bolt sends it: <c>{"challenge":"…"}</c>.</summary>
internal sealed record SlackChallengeResponse(string Challenge);

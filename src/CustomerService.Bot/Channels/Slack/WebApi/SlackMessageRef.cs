namespace CustomerService.Bot.Channels.Slack.WebApi;

/// <summary>Identifies a posted message: what chat.update and threading need (slack.md §3).</summary>
/// <param name="Channel">Channel id.</param>
/// <param name="Ts">Message timestamp, an opaque string.</param>
internal sealed record SlackMessageRef(string Channel, string Ts);

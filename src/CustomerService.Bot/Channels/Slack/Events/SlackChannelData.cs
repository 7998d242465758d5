namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>Where a Slack message came from, kept on the activity's <c>channelData.slack</c>-style payload.</summary>
internal sealed record SlackChannelData(string TeamId, string Channel, string Ts, string ThreadTs, string EventId);

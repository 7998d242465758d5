namespace CustomerService.Bot.Agents;

/// <summary>One channel identity of a customer (<c>webchat</c> user id, Slack user id).</summary>
internal sealed record AgentChannelIdentity(string ChannelId, string UserId);

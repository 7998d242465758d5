namespace CustomerService.Data.Agents;

/// <summary>One channel identity of a customer.</summary>
public sealed record CustomerIdentity(string ChannelId, string ChannelUserId);

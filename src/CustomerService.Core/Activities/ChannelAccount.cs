namespace CustomerService.Core.Activities;

/// <summary>A participant: <c>{id, name?, role?}</c> where role is one of <see cref="RoleTypes"/>.</summary>
public sealed record ChannelAccount(string Id, string? Name = null, string? Role = null);

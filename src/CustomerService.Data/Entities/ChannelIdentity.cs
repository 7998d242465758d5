namespace CustomerService.Data.Entities;

/// <summary>A channel's id for a customer (Web Chat user id, Slack user id); unique per channel.</summary>
internal sealed class ChannelIdentity
{
    public long Id { get; set; }

    public required string ChannelId { get; set; }

    public required string ChannelUserId { get; set; }

    public required string CustomerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

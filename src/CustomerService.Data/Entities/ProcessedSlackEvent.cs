namespace CustomerService.Data.Entities;

/// <summary>A Slack Events API <c>event_id</c> already taken in, so retries and restarts do not run it twice.</summary>
internal sealed class ProcessedSlackEvent
{
    public required string EventId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

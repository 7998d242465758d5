namespace CustomerService.Data.Entities;

/// <summary>One stored activity of a conversation, with the NLU annotation of customer messages.</summary>
internal sealed class ActivityRecord
{
    public long Id { get; set; }

    public required string ConversationId { get; set; }

    /// <summary>1, 2, 3… per conversation, gap-free; the Direct Line watermark.</summary>
    public long Sequence { get; set; }

    /// <summary><c>{conversationId}|{sequence:D7}</c>.</summary>
    public required string ActivityId { get; set; }

    public required string Type { get; set; }

    public string? Role { get; set; }

    public string? FromId { get; set; }

    public string? Text { get; set; }

    /// <summary>The full activity as sent on the wire (ActivityJson options).</summary>
    public required string Json { get; set; }

    public string? Intent { get; set; }

    public float? Confidence { get; set; }

    public string? DialogId { get; set; }

    public DateTimeOffset Timestamp { get; set; }
}

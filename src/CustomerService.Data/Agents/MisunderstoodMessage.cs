namespace CustomerService.Data.Agents;

/// <summary>A customer message the classifier was unsure about: material for retraining.</summary>
/// <param name="ActivityId">Activity id.</param>
/// <param name="ConversationId">Its conversation.</param>
/// <param name="Text">The message as stored (redacted upstream); render as text.</param>
/// <param name="Intent">The intent chosen.</param>
/// <param name="Confidence">Its probability 0–1, below the threshold asked for.</param>
/// <param name="Timestamp">When it was received (UTC).</param>
public sealed record MisunderstoodMessage(
    string ActivityId,
    string ConversationId,
    string? Text,
    string? Intent,
    float Confidence,
    DateTimeOffset Timestamp);

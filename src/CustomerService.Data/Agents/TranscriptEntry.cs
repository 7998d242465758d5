namespace CustomerService.Data.Agents;

/// <summary>One transcript line for the agent page, with what the bot understood of customer messages.</summary>
/// <param name="Sequence">Position in the conversation (1, 2, 3…).</param>
/// <param name="ActivityId">Activity id.</param>
/// <param name="Type">Activity type (<c>message</c>, <c>event</c>…).</param>
/// <param name="Role"><c>user</c>, <c>bot</c> or <c>agent</c>, when known.</param>
/// <param name="FromId">Sender id.</param>
/// <param name="Text">Message text as stored (redacted upstream); render it as text, never HTML.</param>
/// <param name="Intent">Classified intent of a customer message.</param>
/// <param name="Confidence">Its probability 0–1.</param>
/// <param name="DialogId">Dialog that handled the turn.</param>
/// <param name="Timestamp">When the channel accepted it (UTC).</param>
public sealed record TranscriptEntry(
    long Sequence,
    string ActivityId,
    string Type,
    string? Role,
    string? FromId,
    string? Text,
    string? Intent,
    float? Confidence,
    string? DialogId,
    DateTimeOffset Timestamp);

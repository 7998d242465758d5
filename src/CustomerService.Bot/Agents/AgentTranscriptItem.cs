namespace CustomerService.Bot.Agents;

/// <summary>One transcript line. <see cref="Text"/> is whatever the sender typed: the page shows it as text only.</summary>
/// <param name="Sequence">Position in the conversation.</param>
/// <param name="Id">Activity id.</param>
/// <param name="Type"><c>message</c>, <c>event</c>….</param>
/// <param name="Name">Event name (<c>handoff.status</c>…).</param>
/// <param name="Role"><c>user</c>, <c>bot</c> or <c>agent</c>.</param>
/// <param name="FromId">Sender id.</param>
/// <param name="FromName">Sender display name (agents).</param>
/// <param name="Text">Message text (already redacted when stored).</param>
/// <param name="Intent">What the bot understood of a customer message.</param>
/// <param name="Confidence">Its probability 0–1.</param>
/// <param name="DialogId">Dialog that handled the turn.</param>
/// <param name="Timestamp">When the channel accepted it (UTC).</param>
/// <param name="Attachments">Names or content types of attachments, if any.</param>
internal sealed record AgentTranscriptItem(
    long Sequence,
    string Id,
    string Type,
    string? Name,
    string? Role,
    string? FromId,
    string? FromName,
    string? Text,
    string? Intent,
    float? Confidence,
    string? DialogId,
    DateTimeOffset Timestamp,
    IReadOnlyList<string>? Attachments);

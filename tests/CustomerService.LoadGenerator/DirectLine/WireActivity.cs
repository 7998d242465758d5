using System.Text.Json;

namespace CustomerService.LoadGenerator.DirectLine;

/// <summary>
/// The slice of a Bot Framework Activity the load generator reads. Text is deliberately not bound:
/// replies are matched by ids, and customer or bot text is never kept in memory or reports.
/// </summary>
internal sealed record WireActivity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public WireAccount? From { get; init; }

    public WireConversation? Conversation { get; init; }

    public string? ReplyToId { get; init; }

    public string? Name { get; init; }

    public JsonElement? ChannelData { get; init; }
}

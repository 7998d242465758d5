using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.Core.Activities;

/// <summary>
/// A Bot Framework Activity: the channel-neutral unit of a conversation. Field names and meanings follow
/// Microsoft.Bot.Schema so that the wire JSON (camelCase, nulls omitted) is what Web Chat expects.
/// </summary>
public sealed record Activity
{
    /// <summary>One of <see cref="ActivityTypes"/>; receivers ignore unknown types.</summary>
    public string Type { get; init; } = ActivityTypes.Message;

    /// <summary>Assigned by the channel (our server); clients do not send one.</summary>
    public string? Id { get; init; }

    /// <summary>UTC time the channel accepted the activity, serialised with a trailing Z.</summary>
    [JsonConverter(typeof(UtcTimestampJsonConverter))]
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The sender's local time as sent (kept verbatim, with its offset).</summary>
    public string? LocalTimestamp { get; init; }

    public string? LocalTimezone { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? Text { get; init; }

    /// <summary><c>plain</c>, <c>markdown</c> or <c>xml</c>.</summary>
    public string? TextFormat { get; init; }

    /// <summary>BCP-47 locale of the text.</summary>
    public string? Locale { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public string? AttachmentLayout { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    /// <summary>Opaque channel payload, preserved unchanged (Web Chat keeps clientActivityID here).</summary>
    public JsonElement? ChannelData { get; init; }

    public string? ReplyToId { get; init; }

    public JsonElement? Value { get; init; }

    /// <summary>Required for <c>event</c> and <c>invoke</c> activities.</summary>
    public string? Name { get; init; }

    public JsonElement? Entities { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public string? InputHint { get; init; }

    public string? Speak { get; init; }
}

using System.Globalization;
using System.Text.Json;
using CustomerService.Core.Activities;
using CustomerService.Core.Ports;
using CustomerService.Data.Entities;

namespace CustomerService.Data.Stores;

/// <summary>Maps activities to stored rows and back; the row keeps the full wire JSON.</summary>
internal static class ActivityRecordMapper
{
    /// <summary>The stable activity id: <c>{conversationId}|{sequence:D7}</c>.</summary>
    public static string FormatActivityId(string conversationId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");

    /// <summary>Gives the activity its id, timestamp and conversation, and builds the row.</summary>
    public static (ActivityRecord Record, StoredActivity Stored) Assign(string conversationId, long sequence, Activity activity, DateTimeOffset now)
    {
        var assigned = activity with
        {
            Id = FormatActivityId(conversationId, sequence),
            Timestamp = now,
            Conversation = activity.Conversation ?? new ConversationAccount(conversationId),
        };
        var json = JsonSerializer.Serialize(assigned, ActivityJson.Options);
        if (json.Length > DataLimits.MaxActivityJsonLength)
        {
            throw new ArgumentException(
                $"The activity is {json.Length} characters as JSON; at most {DataLimits.MaxActivityJsonLength} are stored.",
                nameof(activity));
        }

        var record = new ActivityRecord
        {
            ConversationId = conversationId,
            Sequence = sequence,
            ActivityId = assigned.Id!,
            Type = Truncate(assigned.Type, 64) ?? ActivityTypes.Message,
            Role = Truncate(assigned.From?.Role, 16),
            FromId = Truncate(assigned.From?.Id, DataLimits.MaxChannelUserIdLength),
            Text = assigned.Text,
            Json = json,
            Timestamp = now,
        };
        return (record, new StoredActivity(sequence, assigned));
    }

    public static StoredActivity ToStored(ActivityRecord record) =>
        new(record.Sequence, Deserialize(record.Json));

    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize<Activity>(json, ActivityJson.Options)
        ?? throw new JsonException("A stored activity deserialised to null.");

    private static string? Truncate(string? value, int maxLength) =>
        value is null || value.Length <= maxLength ? value : value[..maxLength];
}

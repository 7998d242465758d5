using System.Text.Json;

namespace CustomerService.Data.Privacy;

/// <summary>One stored activity in an export: the wire JSON plus what the bot understood of it.</summary>
public sealed record ExportedActivity(long Sequence, string? Intent, float? Confidence, string? DialogId, JsonElement Activity);

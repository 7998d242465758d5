using System.Text.Json;

namespace CustomerService.Core.Activities;

/// <summary>A card or file attached to an activity.</summary>
public sealed record Attachment
{
    public required string ContentType { get; init; }

    public JsonElement? Content { get; init; }

    public string? ContentUrl { get; init; }

    public string? Name { get; init; }

    public string? ThumbnailUrl { get; init; }
}

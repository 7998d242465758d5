using System.Text.Json.Serialization;
using CustomerService.Core.Activities;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>
/// Direct Line's ActivitySet. <c>activities</c> is an array in every frame (DLJS breaks otherwise, §4);
/// <c>watermark</c> is left out on ephemeral frames.
/// </summary>
internal sealed record DirectLineActivitySet(
    IReadOnlyList<Activity> Activities,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Watermark);

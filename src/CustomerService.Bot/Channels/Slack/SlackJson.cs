using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.Bot.Channels.Slack;

/// <summary>The one JSON setting for Slack's wire: snake_case names, nulls omitted, bounded depth.</summary>
internal static class SlackJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 64,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

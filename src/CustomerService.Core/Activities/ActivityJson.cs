using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.Core.Activities;

/// <summary>The one JSON setting for activities on every wire: camelCase, nulls omitted (Direct Line gotcha G9).</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 32,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

using System.Text.Json;

namespace CustomerService.Data.Escalations;

/// <summary>JSON settings of the JSON columns of escalations and of outbox payloads.</summary>
internal static class EscalationJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { MaxDepth = 8 };
}

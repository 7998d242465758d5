using System.Text.Json.Serialization;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Source-generated JSON for the channel's own small shapes (token payload).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DirectLineJwtPayload))]
internal sealed partial class DirectLineJsonContext : JsonSerializerContext;

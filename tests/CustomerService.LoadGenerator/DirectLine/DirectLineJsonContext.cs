using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.LoadGenerator.DirectLine;

/// <summary>
/// Source-generated JSON for the wire types: the generator shares two cores with the host it measures,
/// so its own serialisation should cost as little as possible.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ActivitySet))]
[JsonSerializable(typeof(OutgoingMessage))]
[JsonSerializable(typeof(StartConversationRequest))]
internal sealed partial class DirectLineJsonContext : JsonSerializerContext;

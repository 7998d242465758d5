using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.Core.Activities;

/// <summary>Writes timestamps as ISO-8601 UTC with a trailing <c>Z</c>, which Web Chat sorts by.</summary>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset?>
{
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return reader.TryGetDateTimeOffset(out var value) ? value : null;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(value.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
    }
}

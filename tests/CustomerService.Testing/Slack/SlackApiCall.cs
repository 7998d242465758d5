using System.Text.Json;

namespace CustomerService.Testing.Slack;

/// <summary>One call the fake Slack Web API received, and what it answered.</summary>
/// <param name="Method">Web API method, e.g. <c>chat.postMessage</c>.</param>
/// <param name="Authorization">The Authorization header as sent (e.g. <c>Bearer xoxb-…</c>).</param>
/// <param name="ContentType">The Content-Type header as sent.</param>
/// <param name="Body">The raw request body.</param>
/// <param name="StatusCode">HTTP status the fake answered.</param>
/// <param name="Ok">Whether the answer was <c>ok:true</c>.</param>
/// <param name="Answer">The body the fake answered with.</param>
public sealed record SlackApiCall(string Method, string? Authorization, string? ContentType, string Body, int StatusCode, bool Ok, string Answer)
{
    /// <summary>The body parsed as JSON (an empty object when it is not JSON).</summary>
    public JsonElement Json
    {
        get
        {
            try
            {
                using var document = JsonDocument.Parse(Body);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                using var empty = JsonDocument.Parse("{}");
                return empty.RootElement.Clone();
            }
        }
    }

    /// <summary>A top-level string field of the JSON body, or null.</summary>
    public string? Field(string name) =>
        Json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A top-level string field of the answer (e.g. the <c>ts</c> Slack assigned), or null.</summary>
    public string? AnswerField(string name)
    {
        try
        {
            using var document = JsonDocument.Parse(Answer);
            return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every string value in the body, decoded and joined by newlines: what Slack would render, whatever JSON
    /// escaping the client chose (<c>\u003C</c> and <c>&lt;</c> are different things to Slack).
    /// </summary>
    public string Text => string.Join('\n', Strings(Json));

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}

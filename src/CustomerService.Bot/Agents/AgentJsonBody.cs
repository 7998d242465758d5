using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerService.Bot.Agents;

/// <summary>
/// Reads a small JSON request body with our own limits, so oversized, malformed, deeply nested or wrongly typed
/// bodies get a ProblemDetails 4xx that says what was wrong, never a 500 or an empty 400.
/// </summary>
internal static class AgentJsonBody
{
    /// <summary>Largest console request body, in bytes; a 20,000-character reply in 4-byte UTF-8 fits.</summary>
    public const int MaxBytes = 96 * 1024;

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        MaxDepth = 8,
        AllowTrailingCommas = false,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: "Send the body as application/json."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), SerializerOptions);
            return value is null
                ? (null, AgentProblems.BadRequest("Missing body", "The request body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException)
        {
            return (null, AgentProblems.BadRequest("Malformed JSON", "The request body is not valid JSON for this endpoint (check field types and UTF-8)."));
        }
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
            detail: $"The body may be at most {MaxBytes} bytes.");
}

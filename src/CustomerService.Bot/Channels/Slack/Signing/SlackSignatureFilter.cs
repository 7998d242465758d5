using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack.Signing;

/// <summary>
/// Endpoint filter for every Slack HTTP route: buffers the raw body (bounded), verifies the v0 signature over those
/// exact bytes, and answers 401 before any parsing when it does not match (slack.md §1, Bolt answers 401 too).
/// </summary>
internal sealed class SlackSignatureFilter(
    SlackSignatureVerifier verifier, IOptions<SlackOptions> options, ILogger<SlackSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var limit = options.Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            Log.SlackRequestTooLarge(logger, http.Request.Path, limit);
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadAsync(http.Request, limit, http.RequestAborted);
        if (body is null)
        {
            Log.SlackRequestTooLarge(logger, http.Request.Path, limit);
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var result = verifier.Verify(
            http.Request.Headers["X-Slack-Request-Timestamp"].ToString(),
            http.Request.Headers["X-Slack-Signature"].ToString(),
            body);
        if (result != SlackSignatureResult.Valid)
        {
            Log.SlackSignatureRejected(logger, http.Request.Path, result);
            return TypedResults.Unauthorized();
        }

        http.Features.Set(new SlackRawBody(body));
        return await next(context);
    }

    private static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        // Buffer so the exact bytes can be both verified and parsed; the body is never re-serialised.
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: limit);
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
        catch (IOException)
        {
            // EnableBuffering's limit surfaces as an IOException.
            return null;
        }

        request.Body.Position = 0;
        return buffer.ToArray();
    }
}

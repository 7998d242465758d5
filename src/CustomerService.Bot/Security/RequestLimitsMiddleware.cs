using CustomerService.Bot.Channels.DirectLine;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Security;

/// <summary>
/// One body-size ceiling for every route (Kestrel's default is 30 MB): a declared length over it is refused before
/// anything reads the body, and the server stops reading an undeclared (chunked) body at the same limit. Routes keep
/// their own, lower limits. Direct Line callers get Direct Line's error body, everyone else ProblemDetails.
/// </summary>
internal sealed partial class RequestLimitsMiddleware(RequestDelegate next, IOptions<SecurityOptions> options, ILogger<RequestLimitsMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size
            && (size.MaxRequestBodySize is null || size.MaxRequestBodySize > limit))
        {
            size.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength is not { } length || length <= limit)
        {
            return next(context);
        }

        Log.BodyTooLarge(logger, context.Request.Method, context.Request.Path, length, limit);
        var message = $"The request body is {length} bytes; the limit is {limit} bytes.";
        return context.Request.Path.StartsWithSegments(DirectLineChannel.RoutePrefix, StringComparison.OrdinalIgnoreCase)
            ? DirectLineProblem.Create(StatusCodes.Status413PayloadTooLarge, DirectLineErrorCodes.MessageSizeTooBig, message).ExecuteAsync(context)
            : TypedResults.Problem(message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large").ExecuteAsync(context);
    }

    private static partial class Log
    {
        [LoggerMessage(4702, LogLevel.Warning, "{Method} {Path} refused: body of {Length} bytes is over the {Limit}-byte limit")]
        public static partial void BodyTooLarge(ILogger logger, string method, string path, long length, int limit);
    }
}

using CustomerService.Bot.Channels.DirectLine;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CustomerService.Bot.Security;

/// <summary>
/// Rate limits for Direct Line per conversation and per client address that never break Web Chat: DLJS stops
/// polling for good on a 429 or 5xx and fails a start terminally on any 4xx (directline.md §7). So polls, starts and
/// reconnects over the address limit are only slowed (held up to <see cref="SecurityOptions.MaxThrottleDelay"/>,
/// far inside DLJS's 20 s timeout) and never refused. A post over the conversation's or the address's limit is
/// refused at once with a 400 Direct Line error body, nothing stored: DLJS hands it to Web Chat, which marks that
/// message "Send failed. Retry" and keeps the connection. Secret holders (the page's own backend) and callers
/// without a network address (in-process) are not limited by address.
/// </summary>
internal sealed partial class DirectLineThrottleMiddleware(
    RequestDelegate next,
    RequestThrottle throttle,
    DirectLineTokenService tokens,
    IOptions<SecurityOptions> options,
    TimeProvider timeProvider,
    ILogger<DirectLineThrottleMiddleware> logger)
{
    public const string ThrottledCode = "Throttled";

    public const string ThrottledMessage =
        "You are sending messages faster than we can read them. Nothing was stored: wait a few seconds, then send it again.";

    // Not a conversation id (ids never contain NUL): marks a caller that presented the Direct Line secret.
    private const string SecretCaller = "\0secret";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var isDirectLine = request.Path.StartsWithSegments(DirectLineChannel.RoutePrefix, StringComparison.OrdinalIgnoreCase);
        if ((!isDirectLine && !request.Path.StartsWithSegments("/api/webchat", StringComparison.OrdinalIgnoreCase))
            || HttpMethods.IsOptions(request.Method))
        {
            await next(context);
            return;
        }

        var conversationId = isDirectLine ? ConversationOf(request) : null;
        if (conversationId == SecretCaller)
        {
            await next(context);
            return;
        }

        var settings = options.Value;
        var isPost = isDirectLine && HttpMethods.IsPost(request.Method) && IsActivityPost(request.Path);
        if (isPost && conversationId is not null
            && throttle.Acquire("c:" + conversationId, new ThrottleRate(settings.ConversationMessagesPerMinute, settings.ConversationBurst), TimeSpan.Zero).OverLimit)
        {
            Log.PostRefused(logger, conversationId, "conversation");
            await RefuseAsync(context);
            return;
        }

        var remote = context.Connection.RemoteIpAddress;
        if (remote is null)
        {
            await next(context);
            return;
        }

        var rate = new ThrottleRate(settings.AddressRequestsPerMinute, settings.AddressBurst);
        var byAddress = throttle.Acquire("a:" + remote, rate, isPost ? TimeSpan.Zero : settings.MaxThrottleDelay);
        if (byAddress.OverLimit && isPost)
        {
            Log.PostRefused(logger, conversationId ?? "(none)", "address");
            await RefuseAsync(context);
            return;
        }

        // Everything else is only ever slowed, and at most by MaxThrottleDelay.
        var delay = byAddress.OverLimit ? settings.MaxThrottleDelay : byAddress.Delay;
        if (delay > TimeSpan.Zero)
        {
            Log.Slowed(logger, request.Method, conversationId ?? "(none)", delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, timeProvider, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        await next(context);
    }

    /// <summary>The conversation a valid token names, <see cref="SecretCaller"/> for the secret, else null (the route answers 403).</summary>
    private string? ConversationOf(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var credential = header[Scheme.Length..].Trim();
        if (tokens.IsSecret(credential))
        {
            return SecretCaller;
        }

        return tokens.Validate(credential, DirectLineTokenScope.Conversation, out var claims) == DirectLineTokenStatus.Valid
            ? claims!.ConversationId
            : null;
    }

    private static bool IsActivityPost(PathString path)
    {
        var value = path.Value ?? string.Empty;
        return value.EndsWith("/activities", StringComparison.OrdinalIgnoreCase) || value.EndsWith("/upload", StringComparison.OrdinalIgnoreCase);
    }

    private static Task RefuseAsync(HttpContext context) =>
        DirectLineProblem.Create(StatusCodes.Status400BadRequest, ThrottledCode, ThrottledMessage).ExecuteAsync(context);

    private static partial class Log
    {
        [LoggerMessage(4700, LogLevel.Warning, "Direct Line post refused for conversation {ConversationId}: over the {Limit} rate limit")]
        public static partial void PostRefused(ILogger logger, string conversationId, string limit);

        [LoggerMessage(4701, LogLevel.Debug, "Direct Line {Method} for conversation {ConversationId} slowed by {DelayMs:F0} ms")]
        public static partial void Slowed(ILogger logger, string method, string conversationId, double delayMs);
    }
}

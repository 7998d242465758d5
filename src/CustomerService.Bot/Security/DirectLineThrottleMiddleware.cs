using CustomerService.Bot.Channels.DirectLine;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CustomerService.Bot.Security;

/// <summary>
/// Rate limits for Direct Line per conversation and per client address that never break Web Chat: DLJS stops
/// polling for good on a 429 or 5xx and fails a start terminally on any 4xx (directline.md §7), so every request is
/// slowed to the sustained rate rather than refused. Only a post that would have to wait longer than
/// <see cref="SecurityOptions.MaxThrottleDelay"/> is refused, with a 400 Direct Line error body: DLJS hands that to
/// Web Chat, which marks the message "Send failed. Retry" and keeps the connection. Secret holders (the page's own
/// backend) are not limited.
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
        var delay = TimeSpan.Zero;
        if (isPost && conversationId is not null)
        {
            var decision = throttle.Acquire("c:" + conversationId, new ThrottleRate(settings.ConversationMessagesPerMinute, settings.ConversationBurst), settings.MaxThrottleDelay);
            if (decision.OverLimit)
            {
                Log.PostRefused(logger, conversationId, "conversation");
                await RefuseAsync(context);
                return;
            }

            delay = decision.Delay;
        }

        var address = "a:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var byAddress = throttle.Acquire(address, new ThrottleRate(settings.AddressRequestsPerMinute, settings.AddressBurst), settings.MaxThrottleDelay);
        if (byAddress.OverLimit && isPost)
        {
            Log.PostRefused(logger, conversationId ?? "(none)", "address");
            await RefuseAsync(context);
            return;
        }

        // Polls, starts and reconnects are only ever slowed: at most MaxThrottleDelay, well inside DLJS's 20 s timeout.
        delay = Max(delay, byAddress.OverLimit ? settings.MaxThrottleDelay : byAddress.Delay);
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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static partial class Log
    {
        [LoggerMessage(4700, LogLevel.Warning, "Direct Line post refused for conversation {ConversationId}: over the {Limit} rate limit")]
        public static partial void PostRefused(ILogger logger, string conversationId, string limit);

        [LoggerMessage(4701, LogLevel.Debug, "Direct Line {Method} for conversation {ConversationId} slowed by {DelayMs:F0} ms")]
        public static partial void Slowed(ILogger logger, string method, string conversationId, double delayMs);
    }
}

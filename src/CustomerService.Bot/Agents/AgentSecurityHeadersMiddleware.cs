namespace CustomerService.Bot.Agents;

/// <summary>
/// Security headers for everything under <c>/agent</c> and <c>/api/agent</c>, set before any other middleware
/// (static files, auth challenges, errors) can answer, so no response of the console goes out without them.
/// </summary>
internal sealed class AgentSecurityHeadersMiddleware(RequestDelegate next)
{
    // No inline script or style anywhere on the console; customer text can only ever become text nodes.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsAgentPath(context.Request.Path))
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";

                // Transcripts are personal data: no shared or browser cache may keep them.
                headers.CacheControl = "no-store";
                return Task.CompletedTask;
            }, context);
        }

        return next(context);
    }

    public static bool IsAgentPath(PathString path) =>
        path.StartsWithSegments(AgentAuthenticationDefaults.PagePrefix, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(AgentAuthenticationDefaults.ApiPrefix, StringComparison.OrdinalIgnoreCase);
}

namespace CustomerService.Bot.Security;

/// <summary>
/// Baseline headers on every response that its route did not set itself: no MIME sniffing, no referrer, HSTS on
/// HTTPS, and on API answers no caching (transcripts are personal data) and a CSP that lets nothing run, so a JSON
/// body opened in a browser tab can never execute customer text. Pages (the chat, the agent console) set their own
/// CSP and are left alone.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string FallbackPageContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            SetIfAbsent(headers, "X-Content-Type-Options", "nosniff");
            SetIfAbsent(headers, "Referrer-Policy", "no-referrer");
            if (http.Request.IsHttps)
            {
                SetIfAbsent(headers, "Strict-Transport-Security", "max-age=31536000");
            }

            var isPage = http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
            SetIfAbsent(headers, "Content-Security-Policy", isPage ? FallbackPageContentSecurityPolicy : ApiContentSecurityPolicy);
            if (IsApi(http.Request.Path))
            {
                SetIfAbsent(headers, "Cache-Control", "no-store");
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/v3", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);

    private static void SetIfAbsent(IHeaderDictionary headers, string name, string value)
    {
        if (!headers.ContainsKey(name))
        {
            headers[name] = value;
        }
    }
}

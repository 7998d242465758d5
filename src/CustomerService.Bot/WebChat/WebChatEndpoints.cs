using CustomerService.Bot.Channels.DirectLine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.WebChat;

/// <summary>
/// The customer chat page at <c>/</c> (the real botframework-webchat bundle, served from our own origin) and
/// the same-origin session endpoint that hands it a Direct Line token, so the secret never reaches a browser.
/// </summary>
internal static class WebChatEndpoints
{
    public const string SessionPath = "/api/webchat/session";
    private const string ResumeCookie = "cs-webchat-resume";

    public static WebApplication MapWebChatPage(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value.Enabled)
        {
            return app;
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                // The agent console's files under /agent carry that page's own headers.
                if (!context.Context.Request.Path.StartsWithSegments("/agent", StringComparison.OrdinalIgnoreCase))
                {
                    AddSecurityHeaders(context.Context);
                }

                context.Context.Response.Headers.CacheControl = "no-cache";
            },
        });
        app.MapGet("/", ServePage).ExcludeFromDescription();
        app.MapPost(SessionPath, CreateSessionAsync).ExcludeFromDescription();
        return app;
    }

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> ServePage(HttpContext context, IWebHostEnvironment environment)
    {
        var page = environment.WebRootFileProvider.GetFileInfo("index.html");
        if (!page.Exists || page.PhysicalPath is null)
        {
            return TypedResults.Problem("The chat page is missing from the build output (wwwroot/index.html).", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        AddSecurityHeaders(context);
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(page.PhysicalPath, "text/html; charset=utf-8");
    }

    private static async Task<Results<Ok<WebChatSession>, BadRequest<WebChatError>>> CreateSessionAsync(
        WebChatSessionRequest? body,
        HttpContext context,
        DirectLineTokenService tokens,
        DirectLineHistory history,
        IOptions<WebChatOptions> options,
        ILogger<WebChatSession> logger,
        CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        var settings = options.Value;
        WebChatDemoCustomer? demo = null;
        if (!string.IsNullOrEmpty(body?.DemoUser))
        {
            demo = settings.DemoCustomers.FirstOrDefault(d => string.Equals(d.UserId, body.DemoUser, StringComparison.Ordinal));
            if (demo is null)
            {
                Log.UnknownDemoCustomer(logger);
                return TypedResults.BadRequest(new WebChatError("UnknownDemoCustomer", "There is no demo customer with that id."));
            }
        }

        // Resume only with proof: the HttpOnly cookie this endpoint set, for the conversation the page remembers.
        var cookie = context.Request.Cookies[ResumeCookie];
        if (cookie is not null
            && tokens.Validate(cookie, DirectLineTokenScope.Resume, out var claims) == DirectLineTokenStatus.Valid
            && string.Equals(claims!.ConversationId, body?.ConversationId, StringComparison.Ordinal)
            && string.Equals(claims.UserId, body?.UserId, StringComparison.Ordinal)
            && (demo is null || string.Equals(demo.UserId, claims.UserId, StringComparison.Ordinal))
            && await history.ExistsAsync(claims.ConversationId, cancellationToken))
        {
            return Issue(context, tokens, settings, logger, claims.ConversationId, claims.UserId!, claims.UserName, resumed: true, demo is not null);
        }

        var userId = demo?.UserId ?? DirectLineIds.NewUserId();
        return Issue(context, tokens, settings, logger, DirectLineIds.NewConversationId(), userId, demo?.Name, resumed: false, demo is not null);
    }

    private static Ok<WebChatSession> Issue(
        HttpContext context,
        DirectLineTokenService tokens,
        WebChatOptions settings,
        ILogger logger,
        string conversationId,
        string userId,
        string? userName,
        bool resumed,
        bool demo)
    {
        context.Response.Cookies.Append(
            ResumeCookie,
            tokens.Issue(conversationId, userId, userName, DirectLineTokenScope.Resume, settings.ResumeLifetime),
            new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict,
                Path = SessionPath,
                MaxAge = settings.ResumeLifetime,
                IsEssential = true,
            });
        Log.SessionIssued(logger, conversationId, resumed, demo);
        var token = tokens.IssueConversationToken(conversationId, userId, userName);
        return TypedResults.Ok(new WebChatSession(conversationId, token, userId, userName, resumed, demo, (int)tokens.TokenLifetime.TotalSeconds));
    }

    private static void AddSecurityHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        var host = context.Request.Host.ToUriComponent();

        // No inline script at all. Styles allow 'unsafe-inline' because Web Chat injects its style sheets at run time.
        headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
            $"font-src 'self' data:; connect-src 'self' ws://{host} wss://{host}; media-src 'self' blob:; " +
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
    }
}

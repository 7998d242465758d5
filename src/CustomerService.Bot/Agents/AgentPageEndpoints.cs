using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerService.Bot.Agents;

/// <summary>
/// The <c>/agent</c> page and its own assets from <c>wwwroot/agent/</c>. Served here rather than by static files
/// so the page needs a sign-in (redirect to <c>/agent/login</c>) and only the files listed below are reachable.
/// </summary>
internal static class AgentPageEndpoints
{
    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["agent.js"] = "text/javascript; charset=utf-8",
        ["agent.css"] = "text/css; charset=utf-8",
        ["login.js"] = "text/javascript; charset=utf-8",
        ["favicon.svg"] = "image/svg+xml",
    };

    public static IEndpointRouteBuilder MapAgentPage(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var page = endpoints.MapGroup(AgentAuthenticationDefaults.PagePrefix).ExcludeFromDescription();
        page.MapGet("/", (IWebHostEnvironment env) => Page(env, "index.html")).RequireAuthorization(AgentAuthenticationDefaults.Policy);
        page.MapGet("/conversations/{conversationId}", (IWebHostEnvironment env) => Page(env, "index.html")).RequireAuthorization(AgentAuthenticationDefaults.Policy);
        page.MapGet("/login", (IWebHostEnvironment env) => Page(env, "login.html")).AllowAnonymous();
        page.MapGet("/{asset}", (string asset, IWebHostEnvironment env) =>
            Assets.TryGetValue(asset, out var contentType) ? File(env, asset, contentType) : NotFound()).AllowAnonymous();
        return endpoints;
    }

    private static Results<FileStreamHttpResult, ProblemHttpResult> Page(IWebHostEnvironment env, string name) =>
        File(env, name, "text/html; charset=utf-8");

    private static Results<FileStreamHttpResult, ProblemHttpResult> File(IWebHostEnvironment env, string name, string contentType)
    {
        var file = env.WebRootFileProvider.GetFileInfo("agent/" + name);
        return file.Exists ? TypedResults.Stream(file.CreateReadStream(), contentType) : NotFound();
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No such agent console file.");
}

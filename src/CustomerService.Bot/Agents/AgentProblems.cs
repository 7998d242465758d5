using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerService.Bot.Agents;

/// <summary>The console's ProblemDetails bodies, one place for their titles so the API reads consistently.</summary>
internal static class AgentProblems
{
    public static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentication required",
            detail: $"Sign in at {AgentAuthenticationDefaults.LoginPath} or send an API key in the {AgentAuthenticationDefaults.ApiKeyHeader} header.");

    public static ProblemHttpResult InvalidApiKey() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid API key",
            detail: $"The {AgentAuthenticationDefaults.ApiKeyHeader} header does not match a configured key.");

    public static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "This account may not use the agent console.");

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string conversationId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Conversation not found",
            detail: "No escalated conversation has this id.", extensions: new Dictionary<string, object?> { ["conversationId"] = conversationId });

    public static ProblemHttpResult Conflict(string title, string detail, string? owner = null, string? state = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["owner"] = owner, ["state"] = state });

    public static ProblemHttpResult TooManyAttempts(TimeSpan retryAfter) =>
        TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins",
            detail: $"Sign-in is paused for {Math.Ceiling(retryAfter.TotalSeconds)} seconds after repeated failures.",
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = (int)Math.Ceiling(retryAfter.TotalSeconds) });

    public static ProblemHttpResult Antiforgery() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token",
            detail: "Send the token from GET /api/agent/session (or /api/agent/antiforgery before sign-in) in the RequestVerificationToken header.");
}

using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerService.Bot.Admin;

/// <summary>The admin API's ProblemDetails bodies.</summary>
internal static class AdminProblems
{
    public static ProblemHttpResult Unauthorized(bool keysConfigured) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Admin API key required",
            detail: keysConfigured
                ? $"Send a configured admin key in the {AdminAuthenticationDefaults.ApiKeyHeader} header."
                : "No admin keys are configured: set Admin__ApiKeys__0__Name and Admin__ApiKeys__0__KeyHash (from hash-api-key).");

    public static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "This key may not use the admin API.");

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    public static ProblemHttpResult CustomerNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Customer not found", detail: "No customer has this id (or it was erased).");

    public static ProblemHttpResult IdentityNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Customer not found", detail: "No customer has this channel identity.");
}

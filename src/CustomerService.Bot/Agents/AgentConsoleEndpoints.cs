namespace CustomerService.Bot.Agents;

/// <summary>Endpoint entry point of the agent console: the <c>/agent</c> page and the <c>/api/agent</c> API.</summary>
internal static class AgentConsoleEndpoints
{
    public static IEndpointRouteBuilder MapAgentConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapAgentPage();

        // Everything under /api/agent needs a signed-in agent or an API key; the sign-in endpoints opt out.
        var api = endpoints.MapGroup(AgentAuthenticationDefaults.ApiPrefix)
            .RequireAuthorization(AgentAuthenticationDefaults.Policy)
            .WithTags("Agent console");
        api.MapAgentAuth();
        api.MapAgentEvents();
        api.MapAgentConversations();
        api.MapAgentDashboard();

        // Unknown API paths answer with ProblemDetails too (after authentication, so they reveal nothing).
        api.Map("/{**path}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No agent API endpoint has this path."));
        return endpoints;
    }
}

using Microsoft.AspNetCore.Antiforgery;

namespace CustomerService.Bot.Agents;

/// <summary>
/// Validates the antiforgery token on state-changing console requests made with the sign-in cookie (or anonymously,
/// for sign-in itself). API-key requests skip it: a key is never sent by a browser on its own, so it cannot be forged.
/// </summary>
internal sealed class AgentAntiforgeryFilter(IAntiforgery antiforgery, ILogger<AgentAntiforgeryFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (!AgentPrincipal.IsApiKey(http.User) && !await antiforgery.IsRequestValidAsync(http))
        {
            Log.AntiforgeryRejected(logger, http.Request.Method, http.Request.Path);
            return AgentProblems.Antiforgery();
        }

        return await next(context);
    }
}

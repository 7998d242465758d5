using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Agents;

/// <summary>Authenticates automation by the <c>X-Api-Key</c> header; challenges answer with ProblemDetails, never a redirect.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AgentAccountStore accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AgentAuthenticationDefaults.ApiKeyHeader, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = values.Count == 1 && values[0] is { } key ? accounts.VerifyApiKey(key.Trim()) : null;
        if (identity is null)
        {
            Log.ApiKeyRejected(Logger);
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        }

        var principal = AgentPrincipal.Create(identity, Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = Request.Headers.ContainsKey(AgentAuthenticationDefaults.ApiKeyHeader) ? AgentProblems.InvalidApiKey() : AgentProblems.Unauthorized();
        return result.ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AgentProblems.Forbidden().ExecuteAsync(Context);
}

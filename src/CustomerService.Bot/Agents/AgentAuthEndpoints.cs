using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Agents;

/// <summary>Sign-in, sign-out and session for the <c>/agent</c> page (cookie + antiforgery).</summary>
internal static class AgentAuthEndpoints
{
    public static RouteGroupBuilder MapAgentAuth(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/antiforgery", GetAntiforgeryToken).AllowAnonymous();
        api.MapPost("/login", LoginAsync).AllowAnonymous().AddEndpointFilter<AgentAntiforgeryFilter>();
        api.MapPost("/logout", LogoutAsync).AddEndpointFilter<AgentAntiforgeryFilter>();
        api.MapGet("/session", GetSession);
        return api;
    }

    private static Ok<AntiforgeryTokenResponse> GetAntiforgeryToken(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryTokenResponse(tokens.RequestToken!, tokens.HeaderName!));
    }

    private static async Task<Results<Ok<AgentSession>, ProblemHttpResult>> LoginAsync(
        HttpContext context,
        AgentAccountStore accounts,
        LoginAttemptStore attempts,
        IAntiforgery antiforgery,
        IOptions<AgentsOptions> options,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(AgentAuthEndpoints));
        var (body, problem) = await AgentJsonBody.ReadAsync<LoginRequest>(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var userName = body!.UserName?.Trim() ?? "";
        var password = body.Password ?? "";
        if (userName.Length is 0 or > 64 || password.Length is 0 or > AgentAccountStore.MaxSecretLength)
        {
            return AgentProblems.BadRequest("Invalid sign-in", "Enter a user name (at most 64 characters) and a password.");
        }

        var address = context.Connection.RemoteIpAddress?.ToString();
        var retryAfter = attempts.GetRetryAfter(userName, address);
        if (retryAfter > TimeSpan.Zero)
        {
            Log.SignInLockedOut(logger, address, retryAfter);
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return AgentProblems.TooManyAttempts(retryAfter);
        }

        if (!accounts.HasPasswordAccounts)
        {
            Log.NoAccountsConfigured(logger);
        }

        var agent = accounts.VerifyPassword(userName, password);
        if (agent is null)
        {
            attempts.RecordFailure(userName, address);
            Log.SignInFailed(logger, address);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                detail: "The user name or password is wrong.");
        }

        attempts.RecordSuccess(userName);
        var principal = AgentPrincipal.Create(agent, AgentAuthenticationDefaults.CookieScheme);
        await context.SignInAsync(AgentAuthenticationDefaults.CookieScheme, principal, new AuthenticationProperties { IsPersistent = false });
        Log.SignedIn(logger, agent.Name);

        // The antiforgery token is bound to the user, so the page needs a fresh one for the signed-in agent.
        context.User = principal;
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AgentSession(agent.Name, agent.DisplayName, tokens.RequestToken, options.Value.MaxReplyLength, options.Value.MisunderstoodBelow));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context, ILoggerFactory loggerFactory)
    {
        var agent = AgentPrincipal.Read(context.User);
        await context.SignOutAsync(AgentAuthenticationDefaults.CookieScheme);
        Log.SignedOut(loggerFactory.CreateLogger(typeof(AgentAuthEndpoints)), agent.Name);
        return TypedResults.NoContent();
    }

    private static Ok<AgentSession> GetSession(HttpContext context, IAntiforgery antiforgery, IOptions<AgentsOptions> options)
    {
        var agent = AgentPrincipal.Read(context.User);
        var token = AgentPrincipal.IsApiKey(context.User) ? null : antiforgery.GetAndStoreTokens(context).RequestToken;
        return TypedResults.Ok(new AgentSession(agent.Name, agent.DisplayName, token, options.Value.MaxReplyLength, options.Value.MisunderstoodBelow));
    }
}

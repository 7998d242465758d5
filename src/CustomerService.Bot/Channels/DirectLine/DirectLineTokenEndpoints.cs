using CustomerService.Core.Activities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary><c>tokens/generate</c> (server to server, with the secret) and <c>tokens/refresh</c> (DLJS, every 15 minutes).</summary>
internal static class DirectLineTokenEndpoints
{
    private const int MaxStartBodyCharacters = 16_384;

    public static RouteGroupBuilder MapDirectLineTokens(this RouteGroupBuilder group)
    {
        group.MapPost("/tokens/generate", GenerateAsync);
        group.MapPost("/tokens/refresh", Refresh);
        return group;
    }

    private static async Task<Results<JsonHttpResult<DirectLineTokenResponse>, JsonHttpResult<DirectLineError>>> GenerateAsync(
        HttpRequest request, DirectLineAuthenticator authenticator, DirectLineTokenService tokens, CancellationToken cancellationToken)
    {
        if (!authenticator.TryAuthenticate(request, out var caller, out var error))
        {
            return error!;
        }

        if (!caller.IsSecret)
        {
            return DirectLineProblem.Create(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "tokens/generate needs the Direct Line secret.");
        }

        var (parameters, problem) = await DirectLineStartBody.ReadAsync(request, MaxStartBodyCharacters, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var conversationId = DirectLineIds.NewConversationId();
        var userId = parameters?.User?.Id ?? DirectLineIds.NewUserId();
        var token = tokens.IssueConversationToken(conversationId, userId, parameters?.User?.Name);
        return TypedResults.Json(new DirectLineTokenResponse(conversationId, token, (int)tokens.TokenLifetime.TotalSeconds), ActivityJson.Options);
    }

    private static Results<JsonHttpResult<DirectLineTokenResponse>, JsonHttpResult<DirectLineError>> Refresh(
        HttpRequest request, DirectLineAuthenticator authenticator, DirectLineTokenService tokens)
    {
        if (!authenticator.TryAuthenticate(request, out var caller, out var error))
        {
            return error!;
        }

        if (caller.IsSecret)
        {
            return DirectLineProblem.BadArgument("A secret does not expire; refresh needs a token.");
        }

        var token = tokens.IssueConversationToken(caller.ConversationId!, caller.UserId, caller.UserName);
        return TypedResults.Json(new DirectLineTokenResponse(caller.ConversationId!, token, (int)tokens.TokenLifetime.TotalSeconds), ActivityJson.Options);
    }
}

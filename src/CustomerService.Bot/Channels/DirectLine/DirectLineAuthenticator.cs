using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Reads <c>Authorization: Bearer &lt;secret-or-token&gt;</c>. Every failure is a 403, which DLJS reads as an expired token (§7).</summary>
internal sealed class DirectLineAuthenticator(DirectLineTokenService tokens, ILogger<DirectLineAuthenticator> logger)
{
    public bool TryAuthenticate(HttpRequest request, out DirectLineCaller caller, out JsonHttpResult<DirectLineError>? error)
    {
        caller = DirectLineCaller.Secret;
        error = null;
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || header.Length == Scheme.Length)
        {
            error = DirectLineProblem.Create(
                StatusCodes.Status403Forbidden,
                DirectLineErrorCodes.MissingAuthorization,
                "Send 'Authorization: Bearer <token>' with a Direct Line token or secret.");
            return false;
        }

        var credential = header[Scheme.Length..].Trim();
        if (tokens.IsSecret(credential))
        {
            return true;
        }

        var status = tokens.Validate(credential, DirectLineTokenScope.Conversation, out var claims);
        switch (status)
        {
            case DirectLineTokenStatus.Valid:
                caller = new DirectLineCaller(false, claims!.ConversationId, claims.UserId, claims.UserName);
                return true;
            case DirectLineTokenStatus.Expired:
                Log.TokenRejected(logger, "expired");
                error = DirectLineProblem.Create(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenExpired, "The token has expired; get a new one.");
                return false;
            default:
                Log.TokenRejected(logger, "invalid");
                error = DirectLineProblem.Create(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenInvalid, "The token is not valid.");
                return false;
        }
    }

    /// <summary>Authenticates and checks that the caller may act on <paramref name="conversationId"/>.</summary>
    public bool TryAuthorize(HttpRequest request, string conversationId, out DirectLineCaller caller, out JsonHttpResult<DirectLineError>? error)
    {
        if (!TryAuthenticate(request, out caller, out error))
        {
            return false;
        }

        if (!caller.MayAccess(conversationId))
        {
            // Same answer whether or not the other conversation exists: a token must not probe for others.
            Log.ConversationForbidden(logger);
            error = DirectLineProblem.Create(StatusCodes.Status403Forbidden, DirectLineErrorCodes.Forbidden, "This token is not valid for that conversation.");
            return false;
        }

        if (!caller.IsSecret || DirectLineIds.IsValidConversationId(conversationId))
        {
            return true;
        }

        error = DirectLineProblem.NotFound(conversationId);
        return false;
    }
}

using CustomerService.Core.Activities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Start (<c>POST /conversations</c>) and resume (<c>GET /conversations/{id}</c>), both with a fresh token and streamUrl.</summary>
internal static class DirectLineConversationEndpoints
{
    private const int MaxStartBodyCharacters = 16_384;

    public static RouteGroupBuilder MapDirectLineConversations(this RouteGroupBuilder group)
    {
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", ResumeAsync);
        return group;
    }

    private static async Task<Results<Created<DirectLineConversation>, JsonHttpResult<DirectLineConversation>, JsonHttpResult<DirectLineError>>> StartAsync(
        HttpRequest request,
        DirectLineAuthenticator authenticator,
        DirectLineTokenService tokens,
        DirectLineIngress ingress,
        CancellationToken cancellationToken)
    {
        if (!authenticator.TryAuthenticate(request, out var caller, out var error))
        {
            return error!;
        }

        var (parameters, problem) = await DirectLineStartBody.ReadAsync(request, MaxStartBodyCharacters, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        // A token pins both the conversation and the user (§2); the secret starts a new conversation each time.
        var conversationId = caller.ConversationId ?? DirectLineIds.NewConversationId();
        var userId = caller.UserId ?? parameters?.User?.Id ?? DirectLineIds.NewUserId();
        var userName = caller.UserName ?? parameters?.User?.Name;
        var user = new ChannelAccount(userId, userName, RoleTypes.User);
        var (created, watermark) = await ingress.StartAsync(conversationId, user, parameters?.Locale, cancellationToken);

        var conversation = new DirectLineConversation(
            conversationId,
            tokens.IssueConversationToken(conversationId, userId, userName),
            (int)tokens.TokenLifetime.TotalSeconds,
            DirectLineStreamUrl.Build(request, tokens, conversationId, userId, watermark));
        return created
            ? TypedResults.Created($"{DirectLineChannel.RoutePrefix}/conversations/{conversationId}", conversation)
            : TypedResults.Json(conversation, ActivityJson.Options);
    }

    private static async Task<Results<JsonHttpResult<DirectLineConversation>, JsonHttpResult<DirectLineError>>> ResumeAsync(
        string conversationId,
        HttpRequest request,
        DirectLineAuthenticator authenticator,
        DirectLineTokenService tokens,
        DirectLineHistory history,
        CancellationToken cancellationToken)
    {
        if (!authenticator.TryAuthorize(request, conversationId, out var caller, out var error))
        {
            return error!;
        }

        if (!DirectLineWatermark.TryRead(request, out var watermark))
        {
            return DirectLineProblem.BadArgument("watermark must be a watermark this server returned.");
        }

        if (!await history.ExistsAsync(conversationId, cancellationToken))
        {
            return DirectLineProblem.NotFound(conversationId);
        }

        // §5: "watermark=" replays the whole conversation (history after a reload); no watermark replays nothing old.
        // The stream gets the current end as its watermark, so nothing committed before the socket opens is lost.
        var from = watermark ?? await history.LastSequenceAsync(conversationId, cancellationToken);
        return TypedResults.Json(
            new DirectLineConversation(
                conversationId,
                tokens.IssueConversationToken(conversationId, caller.UserId, caller.UserName),
                (int)tokens.TokenLifetime.TotalSeconds,
                DirectLineStreamUrl.Build(request, tokens, conversationId, caller.UserId, from)),
            ActivityJson.Options);
    }
}

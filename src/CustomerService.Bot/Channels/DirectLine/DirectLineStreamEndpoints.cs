using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>The WebSocket at <c>conversations/{id}/stream</c>; the browser sends no Authorization header, so it is authorised by <c>t=</c>.</summary>
internal static class DirectLineStreamEndpoints
{
    public static RouteGroupBuilder MapDirectLineStream(this RouteGroupBuilder group)
    {
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        return group;
    }

    private static async Task<Results<EmptyHttpResult, JsonHttpResult<DirectLineError>>> StreamAsync(
        string conversationId,
        HttpContext context,
        DirectLineTokenService tokens,
        DirectLineStreamSession session)
    {
        var streamToken = context.Request.Query["t"].ToString();
        var status = tokens.Validate(streamToken, DirectLineTokenScope.Stream, out var claims);
        if (status == DirectLineTokenStatus.Expired)
        {
            return DirectLineProblem.Create(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenExpired, "The streamUrl has expired; resume the conversation for a new one.");
        }

        if (status != DirectLineTokenStatus.Valid || !string.Equals(claims!.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return DirectLineProblem.Create(StatusCodes.Status403Forbidden, DirectLineErrorCodes.TokenInvalid, "The stream token is not valid for this conversation.");
        }

        if (!DirectLineWatermark.TryRead(context.Request, out var watermark))
        {
            return DirectLineProblem.BadArgument("watermark must be a watermark this server returned.");
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineProblem.Create(StatusCodes.Status400BadRequest, DirectLineErrorCodes.NotWebSocket, "The stream is a WebSocket; open it with a WebSocket client.");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await session.RunAsync(socket, conversationId, watermark, context.RequestAborted);
        return TypedResults.Empty;
    }
}

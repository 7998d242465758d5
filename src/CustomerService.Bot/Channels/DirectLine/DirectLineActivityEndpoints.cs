using CustomerService.Core.Activities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Polling (<c>GET .../activities</c>), posting (<c>POST .../activities</c>) and the upload route, which is refused for now.</summary>
internal static class DirectLineActivityEndpoints
{
    public static RouteGroupBuilder MapDirectLineActivities(this RouteGroupBuilder group)
    {
        group.MapGet("/conversations/{conversationId}/activities", PollAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostAsync);
        group.MapPost("/conversations/{conversationId}/upload", Upload);
        return group;
    }

    private static async Task<Results<JsonHttpResult<DirectLineActivitySet>, JsonHttpResult<DirectLineError>>> PollAsync(
        string conversationId,
        HttpRequest request,
        DirectLineAuthenticator authenticator,
        DirectLineHistory history,
        DirectLineActivityMapper mapper,
        IOptions<DirectLineOptions> options,
        TimeProvider timeProvider,
        ILogger<DirectLineHistory> logger,
        CancellationToken cancellationToken)
    {
        if (!authenticator.TryAuthorize(request, conversationId, out _, out var error))
        {
            return error!;
        }

        if (!DirectLineWatermark.TryRead(request, out var watermark))
        {
            return DirectLineProblem.BadArgument("watermark must be a watermark this server returned.");
        }

        var after = watermark ?? 0;

        // §7: a poll that answers 5xx, 429 or times out stops DLJS polling for good, so every failure below
        // becomes an empty set with the same watermark and the client simply asks again.
        using var timeout = new CancellationTokenSource(options.Value.PollTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var page = await history.ReadAsync(conversationId, after, options.Value.MaxActivitiesPerPage, linked.Token);
            if (page.Count == 0 && after == 0 && !await history.ExistsAsync(conversationId, linked.Token))
            {
                return DirectLineProblem.NotFound(conversationId);
            }

            var activities = page.Select(s => mapper.ToWire(conversationId, s)).OfType<Activity>().ToList();
            var next = page.Count > 0 ? page[^1].Sequence : after;
            return TypedResults.Json(new DirectLineActivitySet(activities, DirectLineWatermark.Format(next)), ActivityJson.Options);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.PollTimedOut(logger, conversationId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.PollFailed(logger, ex, conversationId);
        }

        return TypedResults.Json(new DirectLineActivitySet([], DirectLineWatermark.Format(after)), ActivityJson.Options);
    }

    private static async Task<Results<JsonHttpResult<DirectLineResourceResponse>, JsonHttpResult<DirectLineError>>> PostAsync(
        string conversationId,
        HttpRequest request,
        DirectLineAuthenticator authenticator,
        DirectLineHistory history,
        DirectLineActivityMapper mapper,
        DirectLineIngress ingress,
        IOptions<DirectLineOptions> options,
        ILogger<DirectLineHistory> logger,
        CancellationToken cancellationToken)
    {
        if (!authenticator.TryAuthorize(request, conversationId, out var caller, out var error))
        {
            return error!;
        }

        if (!await history.ExistsAsync(conversationId, cancellationToken))
        {
            return DirectLineProblem.NotFound(conversationId);
        }

        var limit = options.Value.MaxActivityCharacters;
        var (status, document, message) = await DirectLineBodyReader.ReadAsync(request, limit, cancellationToken);
        Activity? activity = null;
        JsonHttpResult<DirectLineError>? problem;
        using (document)
        {
            problem = status switch
            {
                DirectLineBodyStatus.TooLarge => DirectLineProblem.TooLarge(limit),
                DirectLineBodyStatus.Empty => DirectLineProblem.BadArgument("The request has no body; post one activity as JSON."),
                DirectLineBodyStatus.Malformed => DirectLineProblem.BadArgument(message!),
                _ => null,
            };
            if (problem is null)
            {
                mapper.TryMapInbound(document!.RootElement, caller, conversationId, out activity, out problem);
            }
        }

        if (problem is not null)
        {
            Log.ActivityRejected(logger, conversationId, problem.Value!.Error.Code);
            return problem;
        }

        if (activity!.Type == ActivityTypes.Typing)
        {
            // §4, §10: a customer's typing is ephemeral; it is neither stored nor a turn, but DLJS still needs an id.
            return TypedResults.Json(new DirectLineResourceResponse(DirectLineIds.NewEphemeralActivityId()), ActivityJson.Options);
        }

        var stored = await ingress.ReceiveAsync(conversationId, activity, cancellationToken);
        return TypedResults.Json(new DirectLineResourceResponse(stored.Activity.Id!), ActivityJson.Options);
    }

    private static JsonHttpResult<DirectLineError> Upload(
        string conversationId, HttpRequest request, DirectLineAuthenticator authenticator)
    {
        if (!authenticator.TryAuthorize(request, conversationId, out _, out var error))
        {
            return error!;
        }

        return DirectLineProblem.Create(
            StatusCodes.Status415UnsupportedMediaType,
            DirectLineErrorCodes.UploadNotSupported,
            "Uploads are not supported yet; send your message as text.");
    }
}

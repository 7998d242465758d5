using System.Globalization;
using CustomerService.Bot.Channels.Slack.Events;
using CustomerService.Bot.Channels.Slack.Interactivity;
using CustomerService.Bot.Channels.Slack.Signing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack;

/// <summary>Slack's HTTP routes: <c>/api/slack/events</c> and <c>/api/slack/interactions</c>, both signature-checked.</summary>
internal static class SlackEndpoints
{
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!options.Enabled || options.SocketMode)
        {
            // Socket Mode receives the same payloads over its WebSocket; with no signing secret these routes could only 401.
            return app;
        }

        var group = app.MapGroup("/api/slack")
            .AddEndpointFilter<SlackSignatureFilter>()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        group.MapPost("/events", ReceiveEventAsync);
        group.MapPost("/interactions", ReceiveInteractionAsync);
        return app;
    }

    private static async Task<Results<Ok, Ok<SlackChallengeResponse>, ProblemHttpResult, StatusCodeHttpResult>> ReceiveEventAsync(
        HttpContext http, SlackEventReceiver receiver, CancellationToken cancellationToken)
    {
        var body = http.Features.Get<SlackRawBody>() ?? throw new InvalidOperationException("The Slack signature filter did not run.");
        var retryNum = int.TryParse(http.Request.Headers["X-Slack-Retry-Num"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var result = await receiver.ReceiveAsync(body.Bytes, retryNum, http.Request.Headers["X-Slack-Retry-Reason"], cancellationToken);
        return result.Status switch
        {
            SlackReceiveStatus.Challenge => TypedResults.Ok(new SlackChallengeResponse(result.Detail!)),
            SlackReceiveStatus.Accepted => TypedResults.Ok(),
            SlackReceiveStatus.BadRequest => Problem(http, result.Detail),
            _ => TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable),
        };
    }

    private static async Task<Results<Ok, ProblemHttpResult, StatusCodeHttpResult>> ReceiveInteractionAsync(
        HttpContext http, SlackInteractionReceiver receiver, CancellationToken cancellationToken)
    {
        var body = http.Features.Get<SlackRawBody>() ?? throw new InvalidOperationException("The Slack signature filter did not run.");
        var result = await receiver.ReceiveFormAsync(body.Bytes, cancellationToken);
        return result.Status switch
        {
            SlackReceiveStatus.Accepted => TypedResults.Ok(),
            SlackReceiveStatus.BadRequest => Problem(http, result.Detail),
            _ => TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable),
        };
    }

    private static ProblemHttpResult Problem(HttpContext http, string? detail)
    {
        Log.SlackRequestMalformed(
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackEndpoints)),
            http.Request.Path,
            detail ?? "malformed");

        // A signed body we cannot read will not get better on retry.
        http.Response.Headers["X-Slack-No-Retry"] = "1";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Malformed Slack request");
    }
}

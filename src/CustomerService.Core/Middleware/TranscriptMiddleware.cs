using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;
using CustomerService.Core.Turns;

namespace CustomerService.Core.Middleware;

/// <summary>
/// The inbound activity is already stored by the channel (committed before it was acknowledged); after the
/// turn this stores what the bot understood of it, for the agent page and retraining.
/// </summary>
internal sealed class TranscriptMiddleware(ITranscriptStore transcript) : ITurnMiddleware
{
    public async Task InvokeAsync(TurnContext context, TurnDelegate next, CancellationToken cancellationToken)
    {
        await next(context, cancellationToken);

        if (context.Prediction is { } prediction && !string.IsNullOrEmpty(context.Activity.Id))
        {
            var annotation = new TurnAnnotation(prediction.Intent, prediction.Confidence, context.DialogId);
            await transcript.AnnotateAsync(context.Activity.Id, annotation, cancellationToken);
        }
    }
}

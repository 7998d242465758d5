using CustomerService.Core.Activities;
using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;
using CustomerService.Core.Turns;
using Microsoft.Extensions.Logging;

namespace CustomerService.Core.Middleware;

/// <summary>
/// The turn's one error funnel (Bot Builder's OnTurnError): logs the exception, apologises, and counts the
/// failure toward escalation. Cancellation because the host stops is not an error and is passed on.
/// </summary>
internal sealed partial class ErrorBoundaryMiddleware(
    EscalationService escalation,
    IConversationStore conversations,
    ILogger<ErrorBoundaryMiddleware> logger) : ITurnMiddleware
{
    public const string Apology = "Sorry, something went wrong on our side. Please try again in a moment.";

    public async Task InvokeAsync(TurnContext context, TurnDelegate next, CancellationToken cancellationToken)
    {
        try
        {
            await next(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.TurnCancelled(logger, context.ConversationId, context.Activity.Id);
            throw;
        }
        catch (Exception ex)
        {
            Log.TurnFailed(logger, ex, context.ConversationId, context.Activity.Id);
            context.Failed = true;
            await context.SendAsync(new Activity { Text = Apology }, cancellationToken);

            if (context.State is { } state)
            {
                // Whatever the dialog was doing is suspect now: drop it, so the next message starts clean.
                state.ActiveDialog = null;
                await escalation.RecordFailedTurnAsync(context, EscalationReason.TurnError, cancellationToken);
                await conversations.SaveAsync(state, cancellationToken);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1100, LogLevel.Error, "Turn failed: conversation {ConversationId} activity {ActivityId}")]
        public static partial void TurnFailed(ILogger logger, Exception exception, string conversationId, string? activityId);

        [LoggerMessage(1101, LogLevel.Information, "Turn cancelled (host stopping): conversation {ConversationId} activity {ActivityId}")]
        public static partial void TurnCancelled(ILogger logger, string conversationId, string? activityId);
    }
}

using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Dialogs;
using CustomerService.Core.Handoff;
using CustomerService.Core.Ports;
using CustomerService.Core.Telemetry;
using CustomerService.Core.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Core.Escalation;

/// <summary>
/// Carries out a hand-off inside a turn: state to Pending, the escalation staged in the outbox (committed with
/// the turn) with redacted recent messages, the customer told what happens next, and a handoff.initiate event.
/// </summary>
internal sealed partial class EscalationService(
    EscalationPolicy policy,
    IEscalationOutbox outbox,
    ITranscriptStore transcript,
    ITextRedactor redactor,
    HandoffTexts texts,
    TemplateValuesFactory values,
    IOptionsMonitor<EscalationOptions> options,
    CustomerServiceMetrics metrics,
    ILogger<EscalationService> logger)
{
    private const int MaxLineLength = 300;

    /// <summary>Counts a failed turn of this kind and escalates when the limit is reached; true when it escalated.</summary>
    public async Task<bool> RecordFailedTurnAsync(TurnContext context, EscalationReason reason, CancellationToken cancellationToken)
    {
        var state = context.RequiredState;
        if (!policy.Counts(reason) || state.Handoff != HandoffState.Bot)
        {
            return false;
        }

        state.FailedTurns++;
        if (!policy.TooManyFailedTurns(state))
        {
            return false;
        }

        await EscalateAsync(context, reason, cancellationToken);
        return true;
    }

    public async Task EscalateAsync(TurnContext context, EscalationReason reason, CancellationToken cancellationToken)
    {
        var state = context.RequiredState;
        if (context.Escalated || state.Handoff is HandoffState.Pending or HandoffState.Agent)
        {
            return;
        }

        state.Handoff = HandoffState.Pending;
        state.AssignedAgent = null;
        state.ActiveDialog = null;
        state.FailedTurns = 0;
        state.OutOfScopeStreak = 0;
        context.Escalated = true;

        var recent = await RecentMessagesAsync(context, cancellationToken);
        var request = new EscalationRequest(state.ConversationId, state.CustomerId, state.ChannelId, reason, context.Prediction, recent);
        await outbox.EnqueueAsync(request, cancellationToken);

        var text = texts.Render(DialogIds.HandoffInitiatedStep, values.Create(context.Customer), context.ConversationId, context.Inbound.Sequence);
        await context.SendAsync(new Activity { Text = text }, cancellationToken);
        await context.SendAsync(HandoffEvents.Initiate(reason, context.Prediction), cancellationToken);

        Log.Escalated(logger, state.ConversationId, reason, context.Prediction?.Intent, context.Prediction?.Confidence ?? 0f);
        metrics.RecordEscalation(reason);
    }

    private async Task<IReadOnlyList<string>> RecentMessagesAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var wanted = options.CurrentValue.RecentMessages;

        // Read a window that ends at the inbound activity; typing and events in it are skipped below.
        var window = wanted * 3;
        var after = Math.Max(0, context.Inbound.Sequence - window);
        var stored = await transcript.ReadAsync(context.ConversationId, after, window + 1, cancellationToken);
        var customerId = context.Request.Customer.Id;
        var activities = stored.Select(s => s.Activity).Where(a => a.Id != context.Activity.Id).Append(context.Activity).Concat(context.Sent);
        return activities
            .Where(a => a.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(a.Text))
            .Select(a => $"{Speaker(a, customerId)}: {Shorten(redactor.Redact(a.Text!))}")
            .TakeLast(wanted)
            .ToList();
    }

    private static string Speaker(Activity activity, string customerId) => activity.From?.Role switch
    {
        RoleTypes.Agent => "agent",
        RoleTypes.Bot => "bot",
        RoleTypes.User => "customer",
        _ => activity.From?.Id == customerId ? "customer" : "bot",
    };

    private static string Shorten(string text) => text.Length <= MaxLineLength ? text : string.Concat(text.AsSpan(0, MaxLineLength - 1), "…");

    private static partial class Log
    {
        [LoggerMessage(1400, LogLevel.Information, "Escalated conversation {ConversationId}: {Reason} (intent {Intent}, confidence {Confidence:F3})")]
        public static partial void Escalated(ILogger logger, string conversationId, EscalationReason reason, string? intent, float confidence);
    }
}

using CustomerService.Core.Activities;
using CustomerService.Core.Dialogs;
using CustomerService.Core.Dialogs.Steps;
using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;
using CustomerService.Core.Telemetry;
using CustomerService.Core.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Core.Routing;

/// <summary>
/// The last middleware: welcomes on join, continues the active dialog, else matches rules, else classifies and
/// starts the intent's dialog. Unsure predictions get a "did you mean" with buttons; repeated failure and
/// out-of-scope streaks escalate per <see cref="EscalationPolicy"/>.
/// </summary>
internal sealed partial class RouterMiddleware(
    DialogCatalog catalog,
    DialogRunner runner,
    IIntentClassifier classifier,
    EscalationService escalation,
    EscalationPolicy policy,
    TemplateValuesFactory valuesFactory,
    ITextRedactor redactor,
    IOptionsMonitor<RoutingOptions> options,
    CustomerServiceMetrics metrics,
    ILogger<RouterMiddleware> logger) : ITurnMiddleware
{
    public const string JoinEventName = "webchat/join";
    public const string TextOnlyReply = "I can only read text messages for now. Please type your question and I'll help.";
    public const string DialogCancelledReply = "Okay, let's leave that. What else can I help you with?";

    public async Task InvokeAsync(TurnContext context, TurnDelegate next, CancellationToken cancellationToken)
    {
        if (IsJoin(context))
        {
            await WelcomeAsync(context, cancellationToken);
        }
        else if (context.Activity.Type == ActivityTypes.Message)
        {
            context.RequiredState.Welcomed = true;
            await RouteMessageAsync(context, cancellationToken);
        }

        await next(context, cancellationToken);
    }

    private async Task WelcomeAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var state = context.RequiredState;
        if (state.Welcomed)
        {
            return;
        }

        state.Welcomed = true;
        await runner.StartAsync(context, catalog.Get(DialogIds.Welcome), cancellationToken);
    }

    private async Task RouteMessageAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var routing = options.CurrentValue;
        var state = context.RequiredState;
        var text = CustomerText.Clean(context.Activity.Text, routing.MaxClassifiedChars);
        if (text.Length == 0)
        {
            if (context.Activity.Attachments is { Count: > 0 })
            {
                await context.SendAsync(new Activity { Text = TextOnlyReply }, cancellationToken);
            }

            return;
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            Log.CustomerText(logger, context.ConversationId, redactor.Redact(text));
        }

        var rule = IntentRules.Match(text);
        if (state.ActiveDialog is not null)
        {
            switch (rule)
            {
                case RuleMatch.CancelDialog:
                    state.ActiveDialog = null;
                    await context.SendAsync(new Activity { Text = DialogCancelledReply }, cancellationToken);
                    return;
                case RuleMatch.HumanAgent or RuleMatch.Goodbye or RuleMatch.Thanks:
                    state.ActiveDialog = null;
                    break;
                default:
                    if (!runner.AnswersActiveQuestion(context))
                    {
                        // Not an answer: if it is clearly another request ("actually, I want a refund"), follow it.
                        var digression = (await classifier.ClassifyAsync([text], cancellationToken))[0];
                        if (IsDigression(digression, state.ActiveDialog!.DialogId, routing))
                        {
                            state.ActiveDialog = null;
                            await RouteAsync(context, digression, rule, routing, cancellationToken);
                            return;
                        }
                    }

                    if (await runner.ContinueAsync(context, cancellationToken))
                    {
                        return;
                    }

                    break;
            }
        }

        var prediction = RuleIntent(rule) is { } ruleIntent
            ? new IntentPrediction(ruleIntent, 1f, [])
            : (await classifier.ClassifyAsync([text], cancellationToken))[0];
        await RouteAsync(context, prediction, rule, routing, cancellationToken);
    }

    private bool IsDigression(IntentPrediction prediction, string activeDialogId, RoutingOptions routing) =>
        prediction.Confidence >= routing.MinConfidence
        && prediction.Intent != IntentIds.OutOfScope
        && catalog.FindByIntent(prediction.Intent) is { } dialog
        && dialog.Id != activeDialogId;

    private async Task RouteAsync(TurnContext context, IntentPrediction prediction, RuleMatch rule, RoutingOptions routing, CancellationToken cancellationToken)
    {
        var state = context.RequiredState;
        context.Prediction = prediction;
        state.LastIntent = prediction.Intent;
        Log.Routed(logger, context.ConversationId, prediction.Intent, prediction.Confidence, RuleIntent(rule) is not null);
        metrics.RecordIntent(prediction.Intent, prediction.Confidence);

        if (prediction.Intent == IntentIds.OutOfScope)
        {
            await OutOfScopeAsync(context, cancellationToken);
            return;
        }

        if (prediction.Confidence < routing.MinConfidence)
        {
            if (policy.IsBelowFloor(prediction.Confidence)
                && await escalation.RecordFailedTurnAsync(context, EscalationReason.LowConfidence, cancellationToken))
            {
                return;
            }

            await ClarifyAsync(context, prediction, routing, cancellationToken);
            return;
        }

        var dialog = catalog.FindByIntent(prediction.Intent);
        if (dialog is null)
        {
            // The model knows an intent the dialogs do not: answer as out of scope rather than fail.
            Log.NoDialog(logger, context.ConversationId, prediction.Intent);
            await OutOfScopeAsync(context, cancellationToken);
            return;
        }

        state.FailedTurns = 0;
        state.OutOfScopeStreak = 0;
        await runner.StartAsync(context, dialog, cancellationToken);
    }

    private async Task OutOfScopeAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var state = context.RequiredState;
        state.OutOfScopeStreak++;
        if (policy.OutOfScopeStreakReached(state))
        {
            await escalation.EscalateAsync(context, EscalationReason.OutOfScope, cancellationToken);
            return;
        }

        await runner.StartAsync(context, catalog.FindByIntent(IntentIds.OutOfScope) ?? catalog.Get(IntentIds.OutOfScope), cancellationToken);
    }

    private async Task ClarifyAsync(TurnContext context, IntentPrediction prediction, RoutingOptions routing, CancellationToken cancellationToken)
    {
        var clarify = catalog.Get(DialogIds.Clarify);
        context.DialogId = clarify.Id;
        var say = clarify.Steps.OfType<SayStep>().First();
        var values = valuesFactory.Create(context.Customer);
        var text = TemplateRenderer.Render(say.Text, values, context.ConversationId, context.Inbound.Sequence, clarify.Id)
            ?? "Sorry, I didn't quite get that. Could you rephrase it?";

        var candidates = prediction.Alternatives.Count > 0 ? prediction.Alternatives : [new IntentScore(prediction.Intent, prediction.Confidence)];
        var buttons = candidates
            .Where(a => a.Confidence >= routing.MinSuggestionConfidence && a.Intent != IntentIds.OutOfScope)
            .OrderByDescending(a => a.Confidence)
            .Select(a => catalog.FindByIntent(a.Intent))
            .OfType<DialogDefinition>()
            .Where(d => d.Title is not null && d.Example is not null)
            .DistinctBy(d => d.Id)
            .Take(routing.MaxSuggestions)
            .Select(d => CardAction.ImBack(d.Title!, d.Example!))
            .Concat(say.Suggestions.Select(s => CardAction.ImBack(s.Title, s.Value)))
            .ToList();

        await context.SendAsync(
            new Activity { Text = text, SuggestedActions = buttons.Count > 0 ? new SuggestedActions(buttons) : null },
            cancellationToken);
    }

    private static string? RuleIntent(RuleMatch rule) => rule switch
    {
        RuleMatch.Greeting => IntentIds.Greeting,
        RuleMatch.Thanks => IntentIds.Thanks,
        RuleMatch.Goodbye => IntentIds.Goodbye,
        RuleMatch.HumanAgent => IntentIds.ContactHumanAgent,
        _ => null,
    };

    private static bool IsJoin(TurnContext context)
    {
        var activity = context.Activity;
        if (activity.Type == ActivityTypes.Event)
        {
            return activity.Name == JoinEventName;
        }

        // Direct Line announces members; only the customer joining counts, not the bot itself.
        return activity.Type == ActivityTypes.ConversationUpdate
            && activity.MembersAdded is { Count: > 0 } added
            && added.Any(m => m.Id != context.Bot.Id && m.Id != activity.Recipient?.Id && m.Role != RoleTypes.Bot);
    }

    private static partial class Log
    {
        [LoggerMessage(1300, LogLevel.Information, "Conversation {ConversationId}: intent {Intent} confidence {Confidence:F3} (rule: {ByRule})")]
        public static partial void Routed(ILogger logger, string conversationId, string intent, float confidence, bool byRule);

        [LoggerMessage(1301, LogLevel.Warning, "Conversation {ConversationId}: no dialog handles intent {Intent}; answered as out of scope")]
        public static partial void NoDialog(ILogger logger, string conversationId, string intent);

        [LoggerMessage(1302, LogLevel.Debug, "Conversation {ConversationId}: customer wrote (redacted) {RedactedText}")]
        public static partial void CustomerText(ILogger logger, string conversationId, string redactedText);
    }
}

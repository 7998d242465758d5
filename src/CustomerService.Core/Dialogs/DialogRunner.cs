using System.Globalization;
using System.Text;
using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Dialogs.Steps;
using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;
using CustomerService.Core.Routing;
using CustomerService.Core.Turns;
using Microsoft.Extensions.Logging;

namespace CustomerService.Core.Dialogs;

/// <summary>
/// Runs a dialog's steps within a turn until it asks the customer something (the dialog stays active and
/// the answer continues it next turn), hands off, or ends.
/// </summary>
internal sealed partial class DialogRunner(
    DialogCatalog catalog,
    IEnumerable<IDialogAction> actions,
    IResponseGenerator generator,
    EscalationService escalation,
    TemplateValuesFactory valuesFactory,
    ITextRedactor redactor,
    TimeProvider timeProvider,
    ILogger<DialogRunner> logger)
{
    /// <summary>A guard against <c>next</c> loops without an ask step.</summary>
    public const int MaxStepsPerTurn = 32;

    /// <summary>Generated text is cut to this many characters (at a sentence end).</summary>
    public const int MaxGeneratedChars = 1200;

    /// <summary>Longest answer to an ask step considered, in characters.</summary>
    public const int MaxAnswerChars = 1000;

    public Task StartAsync(TurnContext context, DialogDefinition dialog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        context.DialogId = dialog.Id;
        context.RequiredState.ActiveDialog = null;
        return RunAsync(context, dialog, 0, new Dictionary<string, string>(StringComparer.Ordinal), startedThisTurn: true, cancellationToken);
    }

    /// <summary>Whether the customer's message is a valid answer to the active dialog's question.</summary>
    public bool AnswersActiveQuestion(TurnContext context)
    {
        var active = context.RequiredState.ActiveDialog;
        var dialog = active is null ? null : catalog.Find(active.DialogId);
        if (dialog is null)
        {
            return false;
        }

        var index = ResolveStep(dialog, active!.StepId);
        return index >= 0 && index < dialog.Steps.Count && dialog.Steps[index] is AskStep ask
            && Parse(ask, CustomerText.Clean(context.Activity.Text, MaxAnswerChars)) is not null;
    }

    /// <summary>Feeds the customer's message to the active dialog's ask step; false when there is no usable active dialog.</summary>
    public async Task<bool> ContinueAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var state = context.RequiredState;
        if (state.ActiveDialog is not { } active)
        {
            return false;
        }

        var dialog = catalog.Find(active.DialogId);
        var index = dialog is null ? -1 : ResolveStep(dialog, active.StepId);
        if (dialog is null || index < 0 || index >= dialog.Steps.Count || dialog.Steps[index] is not AskStep ask)
        {
            // The dialog files changed since this conversation paused: start over rather than guess.
            Log.StaleDialog(logger, context.ConversationId, active.DialogId, active.StepId);
            state.ActiveDialog = null;
            return false;
        }

        context.DialogId = dialog.Id;
        var slots = new Dictionary<string, string>(active.Slots, StringComparer.Ordinal);
        var input = CustomerText.Clean(context.Activity.Text, MaxAnswerChars);
        if (Parse(ask, input) is { } value)
        {
            slots[ask.Slot] = value;
            state.ActiveDialog = null;
            await RunAsync(context, dialog, NextIndex(dialog, index, ask), slots, startedThisTurn: false, cancellationToken);
            return true;
        }

        var attempts = active.Attempts + 1;
        var values = valuesFactory.Create(context.Customer, slots);
        if (attempts >= ask.MaxAttempts)
        {
            state.ActiveDialog = null;
            if (ask.OnFail == AskStep.OnFailEscalate)
            {
                await escalation.EscalateAsync(context, EscalationReason.LowConfidence, cancellationToken);
            }
            else
            {
                await SayAsync(context, dialog, index, ask.GiveUp, [], values, cancellationToken);
            }

            return true;
        }

        await SayAsync(context, dialog, index, ask.Reprompt, ask.Suggestions, values, cancellationToken);
        state.ActiveDialog = active with { Slots = slots, Attempts = attempts };
        return true;
    }

    private async Task RunAsync(
        TurnContext context,
        DialogDefinition dialog,
        int index,
        Dictionary<string, string> slots,
        bool startedThisTurn,
        CancellationToken cancellationToken)
    {
        var state = context.RequiredState;
        var executed = 0;
        while (index < dialog.Steps.Count)
        {
            if (++executed > MaxStepsPerTurn)
            {
                throw new InvalidOperationException($"Dialog '{dialog.Id}' ran more than {MaxStepsPerTurn} steps in one turn; check its 'next' references for a loop.");
            }

            var step = dialog.Steps[index];
            var values = valuesFactory.Create(context.Customer, slots);
            if (!ConditionHolds(step, values))
            {
                index++;
                continue;
            }

            switch (step)
            {
                case SayStep say:
                    await SayAsync(context, dialog, index, say.Text, say.Suggestions, values, cancellationToken);
                    break;

                case AskStep ask:
                    if (TryFillWithoutAsking(ask, slots, values, context, startedThisTurn))
                    {
                        break;
                    }

                    await SayAsync(context, dialog, index, ask.Prompt, ask.Suggestions, values, cancellationToken);
                    state.ActiveDialog = new DialogState(dialog.Id, StepKey(ask, index), slots, 0);
                    return;

                case ActionStep actionStep:
                    var outcome = await RunActionAsync(context, actionStep, slots, values, cancellationToken);
                    if (actionStep.On.TryGetValue(outcome, out var target))
                    {
                        index = ResolveTarget(dialog, target);
                        continue;
                    }

                    break;

                case GenerateStep generate:
                    await GenerateAsync(context, dialog, index, generate, values, cancellationToken);
                    break;

                case EscalateStep escalate:
                    await escalation.EscalateAsync(context, ReasonFor(dialog, escalate.Reason), cancellationToken);
                    return;
            }

            if (context.Escalated)
            {
                return;
            }

            index = NextIndex(dialog, index, step);
        }

        if (dialog.EscalateAlways)
        {
            await escalation.EscalateAsync(context, ReasonFor(dialog, null), cancellationToken);
        }
    }

    private static bool TryFillWithoutAsking(AskStep ask, Dictionary<string, string> slots, TemplateValues values, TurnContext context, bool startedThisTurn)
    {
        if (slots.ContainsKey(ask.Slot))
        {
            return true;
        }

        // "Where is order 12345?" already answers the question the dialog would ask.
        if (startedThisTurn && ask.Validator is { } name && SlotValidators.All.TryGetValue(name, out var validator) && validator.CanExtract
            && validator.Parse(CustomerText.Clean(context.Activity.Text, MaxAnswerChars)) is { } extracted)
        {
            slots[ask.Slot] = extracted;
            return true;
        }

        if (ask.Prefill is not null && values.Get(ask.Prefill) is { } known)
        {
            slots[ask.Slot] = known;
            return true;
        }

        return false;
    }

    private async Task<string> RunActionAsync(
        TurnContext context,
        ActionStep step,
        Dictionary<string, string> slots,
        TemplateValues values,
        CancellationToken cancellationToken)
    {
        var action = actions.FirstOrDefault(a => a.Name == step.Action)
            ?? throw new InvalidOperationException($"Dialog action '{step.Action}' is not registered.");
        var result = await action.ExecuteAsync(
            new DialogActionContext(context, context.RequiredState.CustomerId, slots, step.Args, values), cancellationToken);
        foreach (var (key, value) in result.Slots)
        {
            slots[key] = value;
        }

        Log.ActionRan(logger, context.ConversationId, step.Action, result.Outcome);
        return result.Outcome;
    }

    private async Task GenerateAsync(
        TurnContext context,
        DialogDefinition dialog,
        int index,
        GenerateStep step,
        TemplateValues values,
        CancellationToken cancellationToken)
    {
        var intent = context.Prediction?.Intent ?? (dialog.Intents.Count > 0 ? dialog.Intents[0] : null) ?? dialog.Id;
        var settings = new GenerationSettings
        {
            MaxNewTokens = step.MaxNewTokens,
            Timeout = step.Timeout,
            Temperature = step.Temperature,
        };
        // The prompt never carries card numbers, e-mails, phones or IBANs (issue 6); order numbers survive redaction.
        var request = new GenerationRequest(redactor.Redact(CustomerText.Clean(context.Activity.Text, MaxAnswerChars)), intent, context.Customer, settings);

        var started = timeProvider.GetTimestamp();
        var raw = new StringBuilder();
        var failed = false;

        // The generator enforces its own budget; this one is the backstop so a stuck model cannot hold the turn.
        using var budget = new CancellationTokenSource(step.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            await foreach (var piece in generator.GenerateAsync(request, linked.Token).WithCancellation(linked.Token))
            {
                raw.Append(piece);
                if (raw.Length >= MaxGeneratedChars)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.GenerationTimedOut(logger, context.ConversationId, step.Timeout.TotalSeconds, raw.Length);
        }
        catch (GenerationFailedException ex)
        {
            Log.GenerationFailed(logger, ex, context.ConversationId, intent);
            failed = true;
        }

        var text = failed ? string.Empty : GeneratedTextFilter.Clean(raw.ToString(), MaxGeneratedChars, values.Get);
        Log.Generated(logger, context.ConversationId, intent, text.Length, timeProvider.GetElapsedTime(started).TotalMilliseconds);
        if (text.Length > 0)
        {
            await context.SendAsync(new Activity { Text = text }, cancellationToken);
            return;
        }

        await SayAsync(context, dialog, index, step.Fallback.Count > 0 ? step.Fallback : dialog.Fallback, [], values, cancellationToken);
        await escalation.RecordFailedTurnAsync(context, EscalationReason.GeneratorFailure, cancellationToken);
    }

    private async Task SayAsync(
        TurnContext context,
        DialogDefinition dialog,
        int index,
        IReadOnlyList<string> variants,
        IReadOnlyList<Suggestion> suggestions,
        TemplateValues values,
        CancellationToken cancellationToken)
    {
        var stepKey = string.Create(CultureInfo.InvariantCulture, $"{dialog.Id}/{index}");
        var text = TemplateRenderer.Render(variants, values, context.ConversationId, context.Inbound.Sequence, stepKey);
        if (text is null)
        {
            Log.NothingToSay(logger, context.ConversationId, dialog.Id, index + 1);
            return;
        }

        var buttons = suggestions
            .Select(s => (Title: PlaceholderFiller.Fill(s.Title, values.Get), Value: PlaceholderFiller.Fill(s.Value, values.Get)))
            .Where(s => s.Title.Length > 0 && s.Value.Length > 0)
            .Select(s => CardAction.ImBack(s.Title, s.Value))
            .ToList();
        await context.SendAsync(
            new Activity { Text = text, SuggestedActions = buttons.Count > 0 ? new SuggestedActions(buttons) : null },
            cancellationToken);
    }

    private static string? Parse(AskStep ask, string input)
    {
        if (input.Length == 0)
        {
            return null;
        }

        if (ask.Validator is { } name)
        {
            return SlotValidators.All[name].Parse(input);
        }

        var match = ask.CompiledPattern!.Match(input);
        if (!match.Success)
        {
            return null;
        }

        var group = match.Groups["value"];
        var value = (group.Success ? group.Value : match.Value).Trim();
        return value.Length is > 0 and <= SlotValidators.MaxTextLength ? value : null;
    }

    private static bool ConditionHolds(DialogStep step, TemplateValues values) =>
        (step.When is null || Holds(step.When, values)) && (step.Unless is null || !Holds(step.Unless, values));

    /// <summary><c>name</c>: the value is known; <c>name=value</c>: it equals value (case-insensitive).</summary>
    internal static bool Holds(string condition, TemplateValues values)
    {
        var separator = condition.IndexOf('=', StringComparison.Ordinal);
        if (separator < 0)
        {
            return values.Has(condition);
        }

        var actual = values.Get(condition[..separator]);
        return actual is not null && string.Equals(actual.Trim(), condition[(separator + 1)..].Trim(), StringComparison.OrdinalIgnoreCase);
    }

    private static EscalationReason ReasonFor(DialogDefinition dialog, string? reason) =>
        reason == EscalateStep.ExplicitRequest || (reason is null && dialog.Intents.Contains(IntentIds.ContactHumanAgent))
            ? EscalationReason.ExplicitRequest
            : EscalationReason.EscalateAlwaysIntent;

    private static int NextIndex(DialogDefinition dialog, int index, DialogStep step) =>
        step.Next is null ? index + 1 : ResolveTarget(dialog, step.Next);

    private static int ResolveTarget(DialogDefinition dialog, string target) =>
        target == StepKinds.End ? dialog.Steps.Count : dialog.IndexOf(target) is var i and >= 0 ? i : dialog.Steps.Count;

    /// <summary>Ask steps without an id resume by position ("#3").</summary>
    private static string StepKey(DialogStep step, int index) => step.Id ?? string.Create(CultureInfo.InvariantCulture, $"#{index}");

    private static int ResolveStep(DialogDefinition dialog, string stepKey) =>
        stepKey.StartsWith('#') && int.TryParse(stepKey.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : dialog.IndexOf(stepKey);

    private static partial class Log
    {
        [LoggerMessage(1200, LogLevel.Information, "Conversation {ConversationId}: active dialog {DialogId} step {StepId} no longer exists; dialog dropped")]
        public static partial void StaleDialog(ILogger logger, string conversationId, string dialogId, string stepId);

        [LoggerMessage(1201, LogLevel.Debug, "Conversation {ConversationId}: action {Action} → {Outcome}")]
        public static partial void ActionRan(ILogger logger, string conversationId, string action, string outcome);

        [LoggerMessage(1202, LogLevel.Warning, "Conversation {ConversationId}: generation timed out after {TimeoutSeconds} s with {Chars} characters")]
        public static partial void GenerationTimedOut(ILogger logger, string conversationId, double timeoutSeconds, int chars);

        [LoggerMessage(1203, LogLevel.Warning, "Conversation {ConversationId}: generation failed for intent {Intent}")]
        public static partial void GenerationFailed(ILogger logger, Exception exception, string conversationId, string intent);

        [LoggerMessage(1204, LogLevel.Information, "Conversation {ConversationId}: generated {Chars} usable characters for intent {Intent} in {ElapsedMs:F0} ms")]
        public static partial void Generated(ILogger logger, string conversationId, string intent, int chars, double elapsedMs);

        [LoggerMessage(1205, LogLevel.Warning, "Conversation {ConversationId}: dialog {DialogId} step {Step} had no variant whose placeholders could all be filled")]
        public static partial void NothingToSay(ILogger logger, string conversationId, string dialogId, int step);
    }
}

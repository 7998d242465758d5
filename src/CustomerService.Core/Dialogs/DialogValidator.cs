using System.Text.RegularExpressions;
using CustomerService.Core.Dialogs.Steps;
using CustomerService.Core.Routing;

namespace CustomerService.Core.Dialogs;

/// <summary>
/// The checks on parsed dialogs: ids, intents (known, not duplicated, all covered), steps (texts present,
/// references resolve, validators and regexes valid, actions registered with their args), system dialogs.
/// </summary>
internal static partial class DialogValidator
{
    public const int MaxTitleLength = 80;
    public const int MaxExampleLength = 200;
    public const int MaxNewTokensLimit = 512;
    public static readonly TimeSpan MaxGenerateTimeout = TimeSpan.FromSeconds(60);

    public static void Validate(
        IReadOnlyList<DialogDefinition> dialogs,
        IReadOnlyCollection<DialogActionRegistration> actions,
        string folder,
        List<DialogValidationError> errors)
    {
        var actionsByName = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var intentOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dialog in dialogs)
        {
            ValidateDialog(dialog, actionsByName, errors);
            foreach (var intent in dialog.Intents.Distinct(StringComparer.Ordinal))
            {
                if (intentOwners.TryGetValue(intent, out var owner))
                {
                    errors.Add(new(dialog.SourceFile, $"intent '{intent}' is already handled by {owner}"));
                }
                else
                {
                    intentOwners[intent] = dialog.SourceFile;
                }
            }
        }

        // Only check coverage when every file parsed, or one broken file would also report a missing intent.
        if (errors.Count > 0)
        {
            return;
        }

        foreach (var intent in IntentIds.All.Where(i => !intentOwners.ContainsKey(i)))
        {
            errors.Add(new(folder, $"no dialog handles intent '{intent}'"));
        }

        foreach (var systemId in DialogIds.System.Where(id => dialogs.All(d => d.Id != id)))
        {
            errors.Add(new(folder, $"the system dialog '{systemId}' is missing ({systemId}.json)"));
        }

        if (dialogs.FirstOrDefault(d => d.Id == DialogIds.Handoff) is { } handoff)
        {
            foreach (var stepId in new[] { DialogIds.HandoffInitiatedStep, DialogIds.HandoffClaimedStep, DialogIds.HandoffResolvedStep })
            {
                if (handoff.IndexOf(stepId) < 0 || handoff.Steps[handoff.IndexOf(stepId)] is not SayStep)
                {
                    errors.Add(new(handoff.SourceFile, $"the handoff dialog needs a say step with id '{stepId}'"));
                }
            }
        }
    }

    private static void ValidateDialog(DialogDefinition dialog, Dictionary<string, DialogActionRegistration> actions, List<DialogValidationError> errors)
    {
        var file = dialog.SourceFile;
        void Error(string problem) => errors.Add(new(file, problem));

        var expectedId = Path.GetFileNameWithoutExtension(file);
        if (string.IsNullOrWhiteSpace(dialog.Id))
        {
            Error("'id' is missing");
        }
        else if (!SnakeCase().IsMatch(dialog.Id))
        {
            Error($"id '{dialog.Id}' is not lowercase snake_case");
        }
        else if (!string.Equals(dialog.Id, expectedId, StringComparison.Ordinal))
        {
            Error($"id '{dialog.Id}' does not match the file name (expected '{expectedId}')");
        }

        foreach (var intent in dialog.Intents)
        {
            if (!IntentIds.IsKnown(intent))
            {
                Error($"unknown intent '{intent}' (known intents: {string.Join(", ", IntentIds.All)})");
            }
        }

        if (dialog.Intents.Count != dialog.Intents.Distinct(StringComparer.Ordinal).Count())
        {
            Error("an intent is listed twice in 'intents'");
        }

        if (DialogIds.System.Contains(dialog.Id) && dialog.Intents.Count > 0)
        {
            Error($"the system dialog '{dialog.Id}' must not handle intents");
        }

        if (dialog.Intents.Count > 0)
        {
            CheckLabel(dialog.Title, "title", MaxTitleLength, Error);
            CheckLabel(dialog.Example, "example", MaxExampleLength, Error);
        }

        CheckTexts(dialog.Fallback, "fallback", required: false, Error);
        if (dialog.Steps.Count == 0)
        {
            Error("'steps' is empty");
            return;
        }

        var stepIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dialog.Steps.Count; i++)
        {
            var id = dialog.Steps[i].Id;
            if (id is null)
            {
                continue;
            }

            if (!SnakeCase().IsMatch(id) || id == StepKinds.End)
            {
                Error($"step {i + 1}: id '{id}' must be snake_case and not '{StepKinds.End}'");
            }
            else if (!stepIds.Add(id))
            {
                Error($"step {i + 1}: id '{id}' is used twice");
            }
        }

        for (var i = 0; i < dialog.Steps.Count; i++)
        {
            var step = dialog.Steps[i];
            var label = step.Id is null ? $"step {i + 1} ({step.Kind})" : $"step {i + 1} ('{step.Id}')";
            void StepError(string problem) => Error($"{label}: {problem}");

            CheckReference(step.Next, "next", stepIds, StepError);
            CheckConditionKey(step.When, "when", StepError);
            CheckConditionKey(step.Unless, "unless", StepError);
            switch (step)
            {
                case SayStep say:
                    CheckTexts(say.Text, "text", required: true, StepError);
                    CheckSuggestions(say.Suggestions, StepError);
                    break;
                case AskStep ask:
                    ValidateAsk(ask, StepError);
                    break;
                case ActionStep action:
                    ValidateAction(action, actions, stepIds, StepError);
                    break;
                case GenerateStep generate:
                    ValidateGenerate(generate, dialog, StepError);
                    break;
                case EscalateStep escalate when escalate.Reason is not null
                    && escalate.Reason is not (EscalateStep.ExplicitRequest or EscalateStep.EscalateAlwaysIntent):
                    StepError($"unknown reason '{escalate.Reason}' ({EscalateStep.ExplicitRequest} or {EscalateStep.EscalateAlwaysIntent})");
                    break;
            }
        }
    }

    private static void ValidateAsk(AskStep ask, Action<string> error)
    {
        if (string.IsNullOrWhiteSpace(ask.Slot) || !SnakeCase().IsMatch(ask.Slot))
        {
            error("'slot' is missing or not snake_case");
        }

        CheckTexts(ask.Prompt, "prompt", required: true, error);
        CheckTexts(ask.Reprompt, "reprompt", required: true, error);
        CheckSuggestions(ask.Suggestions, error);
        if (ask.MaxAttempts is < 1 or > 10)
        {
            error($"maxAttempts {ask.MaxAttempts} is outside 1..10");
        }

        if (ask.OnFail is not (AskStep.OnFailGiveUp or AskStep.OnFailEscalate))
        {
            error($"onFail '{ask.OnFail}' is not '{AskStep.OnFailGiveUp}' or '{AskStep.OnFailEscalate}'");
        }
        else if (ask.OnFail == AskStep.OnFailGiveUp)
        {
            CheckTexts(ask.GiveUp, "giveUp", required: true, error);
        }

        if (ask.Prefill is not null)
        {
            CheckConditionKey(ask.Prefill, "prefill", error);
        }

        if ((ask.Validator is null) == (ask.Pattern is null))
        {
            error("give exactly one of 'validator' or 'pattern'");
        }
        else if (ask.Validator is not null && !SlotValidators.All.ContainsKey(ask.Validator))
        {
            error($"unknown validator '{ask.Validator}' (one of {string.Join(", ", SlotValidators.All.Keys)})");
        }
        else if (ask.Pattern is not null)
        {
            try
            {
                ask.CompiledPattern = new Regex(ask.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(1000));
            }
            catch (ArgumentException ex)
            {
                error($"'pattern' is not a valid regular expression: {ex.Message}");
            }
        }
    }

    private static void ValidateAction(ActionStep step, Dictionary<string, DialogActionRegistration> actions, HashSet<string> stepIds, Action<string> error)
    {
        if (!actions.TryGetValue(step.Action, out var registration))
        {
            error($"unknown action '{step.Action}' (registered: {string.Join(", ", actions.Keys.Order(StringComparer.Ordinal))})");
            return;
        }

        foreach (var arg in registration.RequiredArgs.Where(a => !step.Args.ContainsKey(a)))
        {
            error($"action '{step.Action}' needs the arg '{arg}'");
        }

        foreach (var (outcome, target) in step.On)
        {
            if (!registration.Outcomes.Contains(outcome, StringComparer.Ordinal))
            {
                error($"action '{step.Action}' has no outcome '{outcome}' (it has {string.Join(", ", registration.Outcomes)})");
            }

            CheckReference(target, $"on.{outcome}", stepIds, error);
        }
    }

    private static void ValidateGenerate(GenerateStep step, DialogDefinition dialog, Action<string> error)
    {
        if (step.MaxNewTokens is < 1 or > MaxNewTokensLimit)
        {
            error($"maxNewTokens {step.MaxNewTokens} is outside 1..{MaxNewTokensLimit}");
        }

        if (step.Timeout <= TimeSpan.Zero || step.Timeout > MaxGenerateTimeout)
        {
            error($"timeout {step.Timeout} is outside (0, {MaxGenerateTimeout}]");
        }

        if (step.Temperature is < 0f or > 2f)
        {
            error($"temperature {step.Temperature} is outside 0..2");
        }

        CheckTexts(step.Fallback, "fallback", required: false, error);
        if (step.Fallback.Count == 0 && dialog.Fallback.Count == 0)
        {
            error("a generate step needs 'fallback' texts (on the step or the dialog) for when generation fails");
        }
    }

    private static void CheckReference(string? target, string property, HashSet<string> stepIds, Action<string> error)
    {
        if (target is not null && target != StepKinds.End && !stepIds.Contains(target))
        {
            error($"'{property}' refers to a missing step '{target}'");
        }
    }

    private static void CheckConditionKey(string? key, string property, Action<string> error)
    {
        var name = key?.Split('=', 2)[0];
        if (name is not null && PlaceholderKey.Normalize(name).Length == 0)
        {
            error($"'{property}' must name a value (e.g. customer_name or confirm=yes)");
        }
        else if (name == key && name is not null && PlaceholderDefaults.HasDefault(name))
        {
            // Site-section labels and generic phrases always have a text, so "is it known?" on one always holds
            // ("order_status=refunded" still works: the default never equals the value tested).
            error($"'{property}' names '{name}', which always has a default text; test a slot or a customer value instead");
        }
    }

    private static void CheckTexts(IReadOnlyList<string> texts, string property, bool required, Action<string> error)
    {
        if (required && texts.Count == 0)
        {
            error($"'{property}' is missing or empty");
            return;
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i]))
            {
                error($"'{property}' variant {i + 1} is empty");
            }
            else if (PlaceholderFiller.HasStrayBraces(texts[i]))
            {
                error($"'{property}' variant {i + 1} has a malformed placeholder (use {{{{Name}}}})");
            }
        }
    }

    private static void CheckSuggestions(IReadOnlyList<Suggestion> suggestions, Action<string> error)
    {
        if (suggestions.Any(s => string.IsNullOrWhiteSpace(s.Title) || string.IsNullOrWhiteSpace(s.Value)))
        {
            error("every suggestion needs a 'title' and a 'value'");
        }
    }

    private static void CheckLabel(string? value, string property, int maxLength, Action<string> error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            error($"'{property}' is missing (needed for \"did you mean\" buttons)");
        }
        else if (value.Length > maxLength)
        {
            error($"'{property}' is longer than {maxLength} characters");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCase();
}

using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CustomerService.Core.Dialogs.Steps;

/// <summary>Fills a slot: prompts, validates the answer, re-prompts, and gives up or escalates after MaxAttempts.</summary>
internal sealed class AskStep : DialogStep
{
    public const string OnFailGiveUp = "giveUp";
    public const string OnFailEscalate = "escalate";

    /// <summary>snake_case slot name, usable as <c>{{Slot Name}}</c> afterwards.</summary>
    public string Slot { get; init; } = string.Empty;

    public IReadOnlyList<string> Prompt { get; init; } = [];

    public IReadOnlyList<string> Reprompt { get; init; } = [];

    /// <summary>A built-in validator: <c>order_number</c>, <c>email</c>, <c>yes_no</c>, <c>name</c>, <c>text</c>.</summary>
    public string? Validator { get; init; }

    /// <summary>A .NET regular expression the answer must match (its <c>value</c> group, if any, is kept).</summary>
    public string? Pattern { get; init; }

    public int MaxAttempts { get; init; } = 3;

    /// <summary><c>giveUp</c> (say GiveUp, end) or <c>escalate</c>.</summary>
    public string OnFail { get; init; } = OnFailGiveUp;

    public IReadOnlyList<string> GiveUp { get; init; } = [];

    /// <summary>A known value (e.g. <c>open_order_number</c>) that fills the slot without asking.</summary>
    public string? Prefill { get; init; }

    public IReadOnlyList<Suggestion> Suggestions { get; init; } = [];

    [JsonIgnore]
    public Regex? CompiledPattern { get; set; }

    [JsonIgnore]
    public override string Kind => StepKinds.Ask;
}

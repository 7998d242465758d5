using System.Text.Json.Serialization;

namespace CustomerService.Core.Dialogs.Steps;

/// <summary>Runs a named C# action; its outcome may jump to a step through <see cref="On"/>.</summary>
internal sealed class ActionStep : DialogStep
{
    public string Action { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>();

    /// <summary>Outcome → step id (or <c>end</c>); unmatched outcomes go to <see cref="DialogStep.Next"/>.</summary>
    public IReadOnlyDictionary<string, string> On { get; init; } = new Dictionary<string, string>();

    [JsonIgnore]
    public override string Kind => StepKinds.Action;
}

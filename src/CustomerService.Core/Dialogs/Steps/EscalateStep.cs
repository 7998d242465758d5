using System.Text.Json.Serialization;

namespace CustomerService.Core.Dialogs.Steps;

/// <summary>Hands the conversation to a human and ends the dialog.</summary>
internal sealed class EscalateStep : DialogStep
{
    public const string ExplicitRequest = "explicitRequest";
    public const string EscalateAlwaysIntent = "escalateAlwaysIntent";

    /// <summary><c>explicitRequest</c> or <c>escalateAlwaysIntent</c> (default).</summary>
    public string? Reason { get; init; }

    [JsonIgnore]
    public override string Kind => StepKinds.Escalate;
}

using System.Text.Json.Serialization;

namespace CustomerService.Core.Dialogs.Steps;

/// <summary>A step of a dialog; <c>kind</c> in the file picks the subtype.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SayStep), StepKinds.Say)]
[JsonDerivedType(typeof(AskStep), StepKinds.Ask)]
[JsonDerivedType(typeof(ActionStep), StepKinds.Action)]
[JsonDerivedType(typeof(GenerateStep), StepKinds.Generate)]
[JsonDerivedType(typeof(EscalateStep), StepKinds.Escalate)]
internal abstract class DialogStep
{
    /// <summary>Needed when another step jumps here; unique within the dialog.</summary>
    public string? Id { get; init; }

    /// <summary>Step id to go to afterwards, or <c>end</c>; default: the next step in the list.</summary>
    public string? Next { get; init; }

    /// <summary>Run only when this value (slot, customer fact or placeholder) is known, or with <c>name=value</c> equals it.</summary>
    public string? When { get; init; }

    /// <summary>Run only when this value is not known.</summary>
    public string? Unless { get; init; }

    [JsonIgnore]
    public abstract string Kind { get; }
}

using System.Text.Json.Serialization;

namespace CustomerService.Core.Dialogs.Steps;

/// <summary>Says one of its variants (picked per conversation and turn), with optional quick replies.</summary>
internal sealed class SayStep : DialogStep
{
    public IReadOnlyList<string> Text { get; init; } = [];

    public IReadOnlyList<Suggestion> Suggestions { get; init; } = [];

    [JsonIgnore]
    public override string Kind => StepKinds.Say;
}

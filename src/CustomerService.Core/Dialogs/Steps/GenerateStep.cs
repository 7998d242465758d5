using System.Text.Json.Serialization;

namespace CustomerService.Core.Dialogs.Steps;

/// <summary>Answers with the generative responder, post-processed; on failure says the fallback.</summary>
internal sealed class GenerateStep : DialogStep
{
    /// <summary>Token cap for the answer (tokens, not characters).</summary>
    public int MaxNewTokens { get; init; } = 96;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Sampling temperature; null uses Nlu:Generator configuration.</summary>
    public float? Temperature { get; init; }

    /// <summary>Overrides the dialog's fallback variants.</summary>
    public IReadOnlyList<string> Fallback { get; init; } = [];

    [JsonIgnore]
    public override string Kind => StepKinds.Generate;
}

using System.Text.Json.Serialization;
using CustomerService.Core.Dialogs.Steps;

namespace CustomerService.Core.Dialogs;

/// <summary>One dialog file of <c>dialogs/</c>; the schema is documented in <c>dialogs/README.md</c>.</summary>
internal sealed class DialogDefinition
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>snake_case id, equal to the file name without <c>.json</c>.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Short label, used on "did you mean" buttons.</summary>
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>A typical customer sentence; a "did you mean" button posts it back.</summary>
    public string? Example { get; init; }

    /// <summary>Intent ids this dialog answers.</summary>
    public IReadOnlyList<string> Intents { get; init; } = [];

    /// <summary>After its steps the conversation is always handed to a human.</summary>
    public bool EscalateAlways { get; init; }

    /// <summary>Variants said when a generate step fails and has no fallback of its own.</summary>
    public IReadOnlyList<string> Fallback { get; init; } = [];

    public IReadOnlyList<DialogStep> Steps { get; init; } = [];

    /// <summary>File the dialog came from, for messages.</summary>
    [JsonIgnore]
    public string SourceFile { get; set; } = string.Empty;

    public int IndexOf(string stepId)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (string.Equals(Steps[i].Id, stepId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

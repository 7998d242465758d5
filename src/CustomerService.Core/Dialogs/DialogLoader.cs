using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerService.Core.Dialogs.Steps;

namespace CustomerService.Core.Dialogs;

/// <summary>
/// Reads every <c>*.json</c> file of the dialogs folder, checks its shape (kinds, property names, types) and
/// hands the parsed dialogs to <see cref="DialogValidator"/>. Any problem in any file throws
/// <see cref="DialogValidationException"/> listing all of them.
/// </summary>
internal static class DialogLoader
{
    public const string FileExtension = ".json";
    public const string SchemaFileSuffix = ".schema.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowOutOfOrderMetadataProperties = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    private static readonly HashSet<string> DialogProperties = PropertyNames(typeof(DialogDefinition));

    private static readonly Dictionary<string, HashSet<string>> StepProperties = new(StringComparer.Ordinal)
    {
        [StepKinds.Say] = PropertyNames(typeof(SayStep)),
        [StepKinds.Ask] = PropertyNames(typeof(AskStep)),
        [StepKinds.Action] = PropertyNames(typeof(ActionStep)),
        [StepKinds.Generate] = PropertyNames(typeof(GenerateStep)),
        [StepKinds.Escalate] = PropertyNames(typeof(EscalateStep)),
    };

    /// <summary>The folder from configuration: absolute as given, else relative to the content root.</summary>
    public static string ResolveDirectory(string configuredPath, string contentRoot) =>
        Path.IsPathRooted(configuredPath) ? configuredPath : Path.GetFullPath(Path.Combine(contentRoot, configuredPath));

    public static DialogCatalog Load(string directory, int maxFileBytes, IReadOnlyCollection<DialogActionRegistration> actions)
    {
        var errors = new List<DialogValidationError>();
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        if (!Directory.Exists(directory))
        {
            throw new DialogValidationException([new(directory, "the dialogs folder does not exist (set Dialogs:Path)")]);
        }

        var files = Directory.EnumerateFiles(directory, "*" + FileExtension, SearchOption.TopDirectoryOnly)
            .Where(f => !f.EndsWith(SchemaFileSuffix, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new DialogValidationException([new(folderName + "/", "the folder has no *.json dialog files")]);
        }

        var dialogs = new List<DialogDefinition>();
        foreach (var file in files)
        {
            var dialog = LoadFile(file, maxFileBytes, errors);
            if (dialog is not null)
            {
                dialogs.Add(dialog);
            }
        }

        DialogValidator.Validate(dialogs, actions, folderName + "/", errors);
        if (errors.Count > 0)
        {
            throw new DialogValidationException(errors);
        }

        return new DialogCatalog(dialogs);
    }

    private static DialogDefinition? LoadFile(string path, int maxFileBytes, List<DialogValidationError> errors)
    {
        var name = Path.GetFileName(path);
        var length = new FileInfo(path).Length;
        if (length > maxFileBytes)
        {
            errors.Add(new(name, $"the file is {length} bytes; the limit is {maxFileBytes} (Dialogs:MaxFileBytes)"));
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var before = errors.Count;
        try
        {
            using var document = JsonDocument.Parse(bytes, DocumentOptions);
            CheckShape(name, document.RootElement, errors);
        }
        catch (JsonException ex)
        {
            errors.Add(new(name, $"not valid JSON at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}"));
            return null;
        }

        if (errors.Count > before)
        {
            return null;
        }

        try
        {
            var dialog = JsonSerializer.Deserialize<DialogDefinition>(bytes, JsonOptions);
            if (dialog is null)
            {
                errors.Add(new(name, "the file holds null instead of a dialog object"));
                return null;
            }

            dialog.SourceFile = name;
            return dialog;
        }
        catch (JsonException ex)
        {
            errors.Add(new(name, $"wrong value at {ex.Path ?? "$"} (line {ex.LineNumber + 1}): expected the type the schema gives (README.md)"));
            return null;
        }
    }

    /// <summary>Kinds and property names, checked before binding so the message can name the step and suggest the fix.</summary>
    private static void CheckShape(string file, JsonElement root, List<DialogValidationError> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(file, "the top level must be a JSON object"));
            return;
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!DialogProperties.Contains(property.Name))
            {
                errors.Add(new(file, $"unknown property '{property.Name}' (allowed: {string.Join(", ", DialogProperties.Order(StringComparer.Ordinal))})"));
            }
        }

        if (!root.TryGetProperty("steps", out var steps))
        {
            errors.Add(new(file, "'steps' is missing"));
            return;
        }

        if (steps.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(file, "'steps' must be a list"));
            return;
        }

        var index = 0;
        foreach (var step in steps.EnumerateArray())
        {
            index++;
            CheckStepShape(file, index, step, errors);
        }
    }

    private static void CheckStepShape(string file, int index, JsonElement step, List<DialogValidationError> errors)
    {
        if (step.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(file, $"step {index} must be an object"));
            return;
        }

        var label = step.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? $"step {index} ('{id.GetString()}')" : $"step {index}";
        if (!step.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(file, $"{label}: 'kind' is missing (one of {string.Join(", ", StepKinds.All)})"));
            return;
        }

        var kindName = kind.GetString()!;
        if (!StepProperties.TryGetValue(kindName, out var allowed))
        {
            errors.Add(new(file, $"{label}: unknown step kind '{kindName}' (one of {string.Join(", ", StepKinds.All)})"));
            return;
        }

        foreach (var property in step.EnumerateObject())
        {
            if (property.Name != "kind" && !allowed.Contains(property.Name))
            {
                errors.Add(new(file, $"{label}: unknown property '{property.Name}' for a {kindName} step (allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))})"));
            }
        }
    }

    private static HashSet<string> PropertyNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.SetMethod is not null)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToHashSet(StringComparer.Ordinal);
}

using System.ComponentModel.DataAnnotations;

namespace CustomerService.Core.Dialogs;

/// <summary>Where the dialog files live (section <c>Dialogs</c>).</summary>
public sealed class DialogsOptions
{
    public const string SectionName = "Dialogs";

    /// <summary>Folder of <c>*.json</c> dialog files, relative to the content root (or absolute).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "dialogs";

    /// <summary>Largest dialog file accepted, in bytes; a bigger one fails validation.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = 256 * 1024;
}

namespace CustomerService.Core.Dialogs;

/// <summary>
/// Fixed values for <c>{{Placeholder}}</c> slots in templates and generated text (section <c>Placeholders</c>),
/// e.g. <c>"Website Name": "shop.example"</c>. Keys match case- and spacing-insensitively
/// (<c>Website Name</c> = <c>website_name</c>).
/// </summary>
public sealed class PlaceholderOptions
{
    public const string SectionName = "Placeholders";

    public Dictionary<string, string> Values { get; } = new(StringComparer.OrdinalIgnoreCase);
}

namespace CustomerService.Core.Dialogs;

/// <summary>The values <c>{{Placeholder}}</c> slots and step conditions can use, keyed by normalised name.</summary>
internal sealed class TemplateValues
{
    private readonly Dictionary<string, string> _values;

    public TemplateValues(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            Set(key, value);
        }
    }

    public static TemplateValues Empty => new([]);

    public string? Get(string name) => _values.GetValueOrDefault(PlaceholderKey.Normalize(name));

    public bool Has(string name) => !string.IsNullOrWhiteSpace(Get(name));

    /// <summary>A copy where <paramref name="overrides"/> win (e.g. dialog slots over customer facts).</summary>
    public TemplateValues With(IEnumerable<KeyValuePair<string, string>> overrides)
    {
        var copy = new TemplateValues(_values);
        foreach (var (key, value) in overrides)
        {
            copy.Set(key, value);
        }

        return copy;
    }

    private void Set(string key, string? value)
    {
        var normalized = PlaceholderKey.Normalize(key);
        if (normalized.Length > 0 && !string.IsNullOrWhiteSpace(value))
        {
            _values[normalized] = value;
        }
    }
}

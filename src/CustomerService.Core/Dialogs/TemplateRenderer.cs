using System.Text;

namespace CustomerService.Core.Dialogs;

/// <summary>
/// Picks a variant deterministically per conversation, turn and step (so scripted tests are stable and a
/// customer does not get the same wording every turn) and fills its placeholders.
/// </summary>
internal static class TemplateRenderer
{
    /// <summary>The filled variant, or null when every variant lost all its text to unfillable placeholders.</summary>
    public static string? Render(IReadOnlyList<string> variants, TemplateValues values, string conversationId, long turn, string stepKey)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(values);
        if (variants.Count == 0)
        {
            return null;
        }

        // Prefer a variant whose every placeholder has a value; only then accept one that lost a sentence.
        var first = Pick(variants.Count, conversationId, turn, stepKey);
        string? partial = null;
        for (var offset = 0; offset < variants.Count; offset++)
        {
            var variant = variants[(first + offset) % variants.Count];
            var text = PlaceholderFiller.Fill(variant, values.Get);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (PlaceholderFiller.Names(variant).All(values.Has) && !PlaceholderFiller.HasStrayBraces(variant))
            {
                return text;
            }

            partial ??= text;
        }

        return partial;
    }

    /// <summary>FNV-1a over "conversation|turn|step": stable across runs and machines, unlike string.GetHashCode.</summary>
    internal static int Pick(int count, string conversationId, long turn, string stepKey)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes($"{conversationId}|{turn}|{stepKey}"))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % (uint)count);
    }
}

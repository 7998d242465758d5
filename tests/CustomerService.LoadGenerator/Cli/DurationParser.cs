using System.Globalization;

namespace CustomerService.LoadGenerator.Cli;

/// <summary>Parses durations given on the command line: <c>500ms</c>, <c>30s</c>, <c>2m</c>, or a TimeSpan string (<c>00:00:30</c>).</summary>
internal static class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32)
        {
            return false;
        }

        var trimmed = text.Trim();
        (string Suffix, double Scale)[] units = [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000)];
        foreach (var (suffix, scale) in units)
        {
            if (!trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var number = trimmed[..^suffix.Length];

            // "ms" is tried before "s" so that "5ms" is not read as "5m" + "s"; the rest must be a plain number.
            if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                && double.IsFinite(amount)
                && amount * scale <= TimeSpan.MaxValue.TotalMilliseconds)
            {
                value = TimeSpan.FromMilliseconds(amount * scale);
                return true;
            }
        }

        if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var parsed) && parsed >= TimeSpan.Zero)
        {
            value = parsed;
            return true;
        }

        return false;
    }
}

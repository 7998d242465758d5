using System.Globalization;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>
/// Watermarks are the log's sequence numbers as strings (§11). The query parameter has three meanings on
/// resume (§5): a number (after it), present but empty (everything), absent (nothing old).
/// </summary>
internal static class DirectLineWatermark
{
    public const string QueryName = "watermark";

    /// <summary>Reads <c>?watermark=</c>; false when it is present but not a non-negative integer.</summary>
    public static bool TryRead(HttpRequest request, out long? watermark)
    {
        watermark = null;
        if (!request.Query.TryGetValue(QueryName, out var values))
        {
            return true;
        }

        var text = values.ToString();
        if (text.Length == 0)
        {
            watermark = 0;
            return true;
        }

        if (text.Length <= 19 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            watermark = value;
            return true;
        }

        return false;
    }

    public static string Format(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);
}

using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Id formats of the channel: unguessable conversation ids, and the user ids we accept from callers.</summary>
internal static partial class DirectLineIds
{
    /// <summary>User ids: letters, digits and <c>_ - . : @</c>, 1–64 characters.</summary>
    public const string UserIdPattern = "^[A-Za-z0-9_\\-.:@]{1,64}$";

    /// <summary>Prefix of user ids the server embeds in tokens; Web Chat refuses to set such ids itself.</summary>
    public const string GeneratedUserPrefix = "dl_";

    // 128 random bits: a conversation id is the only thing between a stranger and a transcript when a secret is used.
    public static string NewConversationId() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string NewUserId() => GeneratedUserPrefix + Base64Url(RandomNumberGenerator.GetBytes(12));

    public static string NewEphemeralActivityId() => "eph-" + Base64Url(RandomNumberGenerator.GetBytes(9));

    public static bool IsValidConversationId(string? id) => id is not null && ConversationIdRegex().IsMatch(id);

    public static bool IsValidUserId(string? id) => id is not null && UserIdRegex().IsMatch(id);

    /// <summary>A display name without control characters, trimmed to 80 characters; null when nothing is left.</summary>
    public static string? CleanUserName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var cleaned = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned[..Math.Min(cleaned.Length, 80)];
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[A-Za-z0-9_\\-]{8,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ConversationIdRegex();

    [GeneratedRegex(UserIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex UserIdRegex();
}

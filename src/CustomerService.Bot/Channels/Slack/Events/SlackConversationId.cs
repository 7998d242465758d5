namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>
/// Builds and reads our conversation ids for Slack: <c>slack:{team}:{D…}</c> for a DM and
/// <c>slack:{team}:{channel}:{thread root ts}</c> for a thread. Slack ids hold no ':'.
/// </summary>
internal static class SlackConversationId
{
    private const string Prefix = "slack:";

    public static string ForDirectMessage(string teamId, string channel) => $"{Prefix}{teamId}:{channel}";

    public static string ForThread(string teamId, string channel, string threadRootTs) => $"{Prefix}{teamId}:{channel}:{threadRootTs}";

    /// <summary>Reads a conversation id back into the channel and thread (null for a DM's conversation).</summary>
    public static bool TryParse(string? conversationId, out string channel, out string? threadRootTs)
    {
        channel = string.Empty;
        threadRootTs = null;
        if (conversationId is null || !conversationId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = conversationId[Prefix.Length..].Split(':');
        if (parts.Length is < 2 or > 3 || parts.Any(string.IsNullOrEmpty))
        {
            return false;
        }

        channel = parts[1];
        threadRootTs = parts.Length == 3 ? parts[2] : null;
        return true;
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerService.Core.Activities;

namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>Maps an accepted Slack message to our Activity (and a stored one back), and Slack's text encoding to plain text.</summary>
internal static partial class SlackActivityMapper
{
    /// <summary>Channel id on every Slack activity (Bot Framework's name for the channel).</summary>
    public const string ChannelId = "slack";

    private static readonly bool[] DirectOrNot = [true, false];

    /// <summary>Bot Framework's Slack channel names a user <c>U…:T…</c>, so the id is unique across workspaces.</summary>
    public static ChannelAccount Customer(SlackInboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ChannelAccount($"{message.User}:{message.TeamId}", null, RoleTypes.User);
    }

    /// <summary>
    /// The customer message <see cref="ToActivity"/> stored, rebuilt from the activity's <see cref="SlackChannelData"/>
    /// and sender, with the stored (plain) text; null when that is not possible exactly. Whether it was a DM is not
    /// stored: the conversation key tells (a DM is keyed by channel, a thread by its root), so a message whose key does
    /// not come out as <paramref name="conversationId"/> is not rebuilt, since a reply would land elsewhere.
    /// </summary>
    public static SlackInboundMessage? FromStoredCustomerMessage(Activity activity, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        SlackChannelData? data;
        try
        {
            data = activity.ChannelData is { ValueKind: JsonValueKind.Object } json ? json.Deserialize<SlackChannelData>(SlackJson.Options) : null;
        }
        catch (JsonException)
        {
            data = null;
        }

        // The inverse of Customer: "U…:T…".
        var from = activity.From?.Id;
        var separator = from?.LastIndexOf(':') ?? -1;
        if (data is null || separator <= 0 || string.IsNullOrEmpty(data.Channel) || string.IsNullOrEmpty(data.Ts))
        {
            return null;
        }

        return DirectOrNot
            .Select(isDirect => new SlackInboundMessage(
                SlackMessageKind.Customer, data.EventId, data.TeamId, data.Channel, from![..separator], activity.Text ?? string.Empty, data.Ts, data.ThreadTs, isDirect))
            .FirstOrDefault(rebuilt => rebuilt.ConversationId == conversationId);
    }

    public static Activity ToActivity(SlackInboundMessage message, ChannelAccount bot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channelData = JsonSerializer.SerializeToElement(
            new SlackChannelData(message.TeamId, message.Channel, message.Ts, message.ThreadRootTs, message.EventId),
            SlackJson.Options);
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = ChannelId,
            Timestamp = now,
            From = Customer(message),
            Recipient = bot,
            Conversation = new ConversationAccount(message.ConversationId),
            Text = ToPlainText(message.Text),
            TextFormat = "plain",
            ChannelData = channelData,
        };
    }

    /// <summary>
    /// Slack escapes <c>&amp; &lt; &gt;</c> and wraps links and mentions in angle brackets; the NLU wants what the
    /// customer saw: <c>&lt;https://x|label&gt;</c> → label, <c>&lt;@U1&gt;</c> → @U1, <c>&lt;#C1|general&gt;</c> → #general.
    /// </summary>
    public static string ToPlainText(string slackText)
    {
        ArgumentNullException.ThrowIfNull(slackText);
        var unwrapped = AngleToken().Replace(slackText, match =>
        {
            var target = match.Groups["target"].Value;
            var label = match.Groups["label"].Success ? match.Groups["label"].Value : null;
            return target[0] switch
            {
                '@' => label is null ? target : "@" + label,
                '#' => label is null ? target : "#" + label,
                '!' => "@" + (label ?? target[1..]),
                _ => label ?? target,
            };
        });

        // Only Slack's three entities: a customer typing "&quot;" literally must keep it.
        return unwrapped.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<(?<target>[^<>|]{1,3000})(\|(?<label>[^<>]{0,3000}))?>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex AngleToken();
}

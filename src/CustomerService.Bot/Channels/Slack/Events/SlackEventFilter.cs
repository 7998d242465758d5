using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>
/// Decides which events become work: drops bots (any <c>bot_id</c>), our own user, hidden events, edits, deletes
/// and other subtypes (slack.md §2.4, Rasa's stricter rule), and works out the conversation key.
/// </summary>
internal sealed partial class SlackEventFilter(IOptions<SlackOptions> options, SlackIdentityAccessor identity)
{
    // Slack ids are short uppercase alphanumerics; ts is digits.digits. Anything else is not from Slack.
    private const int MaxIdLength = 32;
    private const int MaxTextLength = 40_000;

    public SlackFilterResult Classify(SlackEventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var ev = envelope.Event;
        if (envelope.Type != SlackEventTypes.EventCallback || ev is null)
        {
            return SlackFilterResult.Ignore("not_event_callback");
        }

        if (ev.Type is not (SlackEventTypes.Message or SlackEventTypes.AppMention))
        {
            return SlackFilterResult.Ignore("event_type");
        }

        if (!string.IsNullOrEmpty(ev.BotId))
        {
            return SlackFilterResult.Ignore("bot");
        }

        var botUserId = identity.Current?.UserId ?? envelope.Authorizations?.FirstOrDefault(a => a.IsBot == true)?.UserId;
        if (botUserId is not null && string.Equals(ev.User, botUserId, StringComparison.Ordinal))
        {
            return SlackFilterResult.Ignore("self");
        }

        if (ev.Hidden == true || ev.Subtype is not (null or SlackEventTypes.SubtypeFileShare or SlackEventTypes.SubtypeThreadBroadcast))
        {
            return SlackFilterResult.Ignore("subtype");
        }

        var team = envelope.TeamId ?? ev.Team;
        if (!IsId(envelope.EventId) || !IsId(team) || !IsId(ev.Channel) || !IsId(ev.User) || !IsTs(ev.Ts)
            || (ev.ThreadTs is not null && !IsTs(ev.ThreadTs)))
        {
            return SlackFilterResult.Ignore("malformed");
        }

        var text = StripMention(ev.Text ?? string.Empty, botUserId).Trim();
        if (text.Length == 0)
        {
            return SlackFilterResult.Ignore("empty");
        }

        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        var isDm = ev.ChannelType == SlackEventTypes.ChannelTypeIm || ev.Channel!.StartsWith('D');
        var isThreadReply = ev.ThreadTs is not null && ev.ThreadTs != ev.Ts;
        var inEscalationChannel = string.Equals(ev.Channel, options.Value.EscalationChannel, StringComparison.Ordinal);
        SlackMessageKind kind;
        if (inEscalationChannel && isThreadReply)
        {
            // In card threads the plain message event is the one we act on; its app_mention twin would double it.
            if (ev.Type == SlackEventTypes.AppMention)
            {
                return SlackFilterResult.Ignore("mention_in_card_thread");
            }

            kind = SlackMessageKind.AgentThreadReply;
        }
        else if (isDm || ev.Type == SlackEventTypes.AppMention)
        {
            kind = SlackMessageKind.Customer;
        }
        else
        {
            // Plain channel chatter is not addressed to the bot; mentions arrive as app_mention.
            return SlackFilterResult.Ignore("not_addressed");
        }

        return SlackFilterResult.Accept(new SlackInboundMessage(
            kind, envelope.EventId!, team!, ev.Channel!, ev.User!, text, ev.Ts!, ev.ThreadTs ?? ev.Ts!, isDm));
    }

    /// <summary>Removes <c>&lt;@UBOT&gt;</c> and <c>&lt;@UBOT|name&gt;</c> (Rasa does the same).</summary>
    public static string StripMention(string text, string? botUserId)
    {
        if (string.IsNullOrEmpty(botUserId))
        {
            return text;
        }

        return MentionPattern().Replace(text, match =>
            string.Equals(match.Groups["id"].Value, botUserId, StringComparison.Ordinal) ? string.Empty : match.Value);
    }

    private static bool IsId(string? value) =>
        value is { Length: > 0 and <= MaxIdLength } && value.All(char.IsAsciiLetterOrDigit);

    private static bool IsTs(string? value) =>
        value is { Length: > 0 and <= MaxIdLength } && value.All(c => char.IsAsciiDigit(c) || c == '.');

    [GeneratedRegex(@"<@(?<id>[A-Z0-9]{1,32})(\|[^>]{0,100})?>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex MentionPattern();
}

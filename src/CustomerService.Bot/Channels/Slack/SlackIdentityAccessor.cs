using CustomerService.Bot.Channels.Slack.WebApi;

namespace CustomerService.Bot.Channels.Slack;

/// <summary>
/// Who the bot is in Slack, learned from auth.test at start (Bolt's ignoreSelf). Until it is known,
/// self-filtering relies on <c>bot_id</c>, which every message posted with our bot token carries.
/// </summary>
internal sealed class SlackIdentityAccessor
{
    private volatile SlackIdentity? _current;

    public SlackIdentity? Current => _current;

    public void Set(SlackIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        _current = identity;
    }
}

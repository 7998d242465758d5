namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>Envelope and event type names we act on.</summary>
internal static class SlackEventTypes
{
    public const string UrlVerification = "url_verification";
    public const string EventCallback = "event_callback";
    public const string Message = "message";
    public const string AppMention = "app_mention";
    public const string ChannelTypeIm = "im";
    public const string SubtypeFileShare = "file_share";
    public const string SubtypeThreadBroadcast = "thread_broadcast";
}

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Names the Direct Line channel uses on activities and in routes.</summary>
internal static class DirectLineChannel
{
    /// <summary>Channel id on every activity of this channel (what Web Chat itself sends).</summary>
    public const string ChannelId = "webchat";

    public const string RoutePrefix = "/v3/directline";

    public const string CorsPolicy = "DirectLine";

    /// <summary>The event Web Chat's store middleware sends on connect; the bot answers it with the welcome.</summary>
    public const string JoinEventName = "webchat/join";
}

namespace CustomerService.Bot.Channels.Slack.SocketMode;

/// <summary>Why one Socket Mode connection ended.</summary>
internal enum ConnectionEnd
{
    /// <summary>The socket closed or failed: reconnect with backoff.</summary>
    Closed = 0,

    /// <summary>Slack asked us to move to a new connection: reconnect now.</summary>
    Refresh = 1,

    /// <summary>Socket Mode was turned off for the app: stop.</summary>
    Stop = 2,
}

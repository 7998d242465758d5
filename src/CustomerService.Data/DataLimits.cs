namespace CustomerService.Data;

/// <summary>
/// Size limits of stored values. Channels validate input against them first, so the customer gets a clear
/// 4xx instead of the store's <see cref="ArgumentException"/>.
/// </summary>
public static class DataLimits
{
    /// <summary>Channel conversation id, in characters.</summary>
    public const int MaxConversationIdLength = 200;

    /// <summary>Channel id such as <c>webchat</c> or <c>slack</c>, in characters.</summary>
    public const int MaxChannelIdLength = 64;

    /// <summary>Channel user id, in characters.</summary>
    public const int MaxChannelUserIdLength = 256;

    /// <summary>Display name, in characters.</summary>
    public const int MaxDisplayNameLength = 200;

    /// <summary>Profile fact key, in characters (lowercase snake_case).</summary>
    public const int MaxFactKeyLength = 64;

    /// <summary>Profile fact value, in characters.</summary>
    public const int MaxFactValueLength = 1000;

    /// <summary>Agent id, in characters.</summary>
    public const int MaxAgentIdLength = 128;

    /// <summary>Slack event id, in characters.</summary>
    public const int MaxEventIdLength = 128;

    /// <summary>One activity serialised as JSON, in characters; a backstop behind the channel's own limit.</summary>
    public const int MaxActivityJsonLength = 512 * 1024;

    /// <summary>Most rows one transcript read returns.</summary>
    public const int MaxPageSize = 1000;
}

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>Stable <c>error.code</c> values (Direct Line's own where it has one: TokenExpired, MissingProperty, BadArgument).</summary>
internal static class DirectLineErrorCodes
{
    public const string TokenExpired = "TokenExpired";
    public const string TokenInvalid = "TokenInvalid";
    public const string MissingAuthorization = "MissingAuthorization";
    public const string Forbidden = "Forbidden";
    public const string ConversationNotFound = "ConversationNotFound";
    public const string BadArgument = "BadArgument";
    public const string MissingProperty = "MissingProperty";
    public const string MessageSizeTooBig = "MessageSizeTooBig";
    public const string UploadNotSupported = "UploadNotSupported";
    public const string NotWebSocket = "NotWebSocket";
}

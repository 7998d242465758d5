namespace CustomerService.Bot.Channels.Slack.WebApi;

/// <summary>A Web API call failed: <c>ok:false</c> with Slack's error code, or no usable answer after retries.</summary>
internal sealed class SlackApiException : Exception
{
    public SlackApiException()
    {
    }

    public SlackApiException(string message)
        : base(message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SlackApiException(string method, string errorCode, int? statusCode, TimeSpan? retryAfter = null)
        : base($"Slack {method} failed: {errorCode}")
    {
        Method = method;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>.</summary>
    public string? Method { get; }

    /// <summary>Slack's error code (e.g. <c>channel_not_found</c>) or ours (<c>http_503</c>, <c>invalid_response</c>).</summary>
    public string? ErrorCode { get; }

    /// <summary>HTTP status of the last attempt, when there was one.</summary>
    public int? StatusCode { get; }

    /// <summary>Slack's <c>Retry-After</c> (seconds on the wire) from the last attempt, when it was rate limited.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for errors a later attempt cannot fix (bad channel, revoked token, invalid blocks).</summary>
    public bool IsPermanent => ErrorCode is "channel_not_found" or "not_in_channel" or "is_archived" or "invalid_blocks"
        or "invalid_auth" or "not_authed" or "token_revoked" or "account_inactive" or "missing_scope" or "msg_too_long"
        or "no_text" or "message_not_found" or "cant_update_message" or "invalid_arguments" or "user_not_in_channel";
}

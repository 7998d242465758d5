namespace CustomerService.Bot.Channels.Slack.Signing;

/// <summary>Outcome of checking one request's Slack signature.</summary>
internal enum SlackSignatureResult
{
    Valid = 0,
    MissingHeaders = 1,
    MalformedTimestamp = 2,
    OutsideWindow = 3,
    UnsupportedVersion = 4,
    Mismatch = 5,
}

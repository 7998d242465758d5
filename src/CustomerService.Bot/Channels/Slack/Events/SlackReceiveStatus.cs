namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>How a receiver answers Slack.</summary>
internal enum SlackReceiveStatus
{
    /// <summary>200: taken in, ignored or a duplicate (all the same to Slack).</summary>
    Accepted = 0,

    /// <summary>200 with the url_verification challenge.</summary>
    Challenge = 1,

    /// <summary>400: signed, but not a body we understand.</summary>
    BadRequest = 2,

    /// <summary>503: could not be taken in now; Slack retries and the retry is not treated as a duplicate.</summary>
    Busy = 3,
}

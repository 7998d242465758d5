namespace CustomerService.Bot.Tests.Hostile;

/// <summary>What a hostile request must get back, beyond "never a 5xx".</summary>
public enum HostileExpectation
{
    /// <summary>Accepted (2xx): the input is odd but legitimate, e.g. an emoji-only message.</summary>
    Accepted,

    /// <summary>Refused with a clear 4xx: malformed, oversized, unauthenticated or forged.</summary>
    Refused,

    /// <summary>Either, as long as it is not a server error (e.g. Slack acks events it then ignores).</summary>
    NoServerError,
}

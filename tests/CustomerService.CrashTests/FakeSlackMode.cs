namespace CustomerService.CrashTests;

/// <summary>How the fake Slack Web API answers chat.* calls.</summary>
internal enum FakeSlackMode
{
    /// <summary>Every call succeeds.</summary>
    Healthy,

    /// <summary>Alternately HTTP 500 and HTTP 429 with <c>Retry-After: 1</c>; nothing is posted.</summary>
    Failing,
}

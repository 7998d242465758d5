namespace CustomerService.Testing.Slack;

/// <summary>A scripted answer of the fake Slack Web API.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Body">Raw body; Slack sends JSON even for errors.</param>
/// <param name="RetryAfterSeconds">Value of the <c>Retry-After</c> header, in seconds as Slack sends it.</param>
public sealed record FakeSlackResponse(int StatusCode, string Body, int? RetryAfterSeconds = null)
{
    /// <summary><c>{"ok":false,"error":code}</c> with HTTP 200, as Slack reports method errors.</summary>
    public static FakeSlackResponse Error(string code) => new(200, $$"""{"ok":false,"error":"{{code}}"}""");

    /// <summary>HTTP 429 with <c>Retry-After</c> in seconds and Slack's ratelimited body.</summary>
    public static FakeSlackResponse RateLimited(int retryAfterSeconds) => new(429, """{"ok":false,"error":"ratelimited"}""", retryAfterSeconds);

    /// <summary>An HTTP 5xx with an HTML body, as a load balancer sends it.</summary>
    public static FakeSlackResponse ServerError(int statusCode = 500) => new(statusCode, "<html><body>Internal error</body></html>");
}

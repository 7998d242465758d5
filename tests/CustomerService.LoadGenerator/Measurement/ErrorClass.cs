namespace CustomerService.LoadGenerator.Measurement;

/// <summary>How a failed call failed: the HTTP status class, or why no status came back.</summary>
internal enum ErrorClass
{
    Http4xx = 0,
    Http5xx = 1,

    /// <summary>No answer within the client's time limit (DLJS's 20 s, or the WebSocket connect).</summary>
    Timeout = 2,

    /// <summary>Refused or reset connection, DNS, TLS: no HTTP status at all.</summary>
    Network = 3,

    /// <summary>An answer that breaks Direct Line 3.0 (missing id, bad JSON, foreign streamUrl).</summary>
    Protocol = 4,
}

namespace CustomerService.LoadGenerator.Cli;

/// <summary>How a simulated customer receives bot activities (Direct Line 3.0 offers both).</summary>
internal enum TransportKind
{
    /// <summary>The <c>streamUrl</c> WebSocket, Web Chat's default.</summary>
    WebSocket = 0,

    /// <summary><c>GET …/activities?watermark=</c> on an interval, like Web Chat with <c>webSocket:false</c>.</summary>
    Polling = 1,
}

using System.Text.Json;

namespace CustomerService.Bot.Channels.Slack.SocketMode;

/// <summary>A Socket Mode frame: <c>hello</c>, <c>disconnect</c>, or an envelope (slack.md §7).</summary>
internal sealed record SocketModeFrame
{
    public string? Type { get; init; }

    public string? EnvelopeId { get; init; }

    public JsonElement? Payload { get; init; }

    public bool? AcceptsResponsePayload { get; init; }

    public int? RetryAttempt { get; init; }

    public string? RetryReason { get; init; }

    public int? NumConnections { get; init; }

    public string? Reason { get; init; }
}

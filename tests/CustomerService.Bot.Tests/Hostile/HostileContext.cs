namespace CustomerService.Bot.Tests.Hostile;

/// <summary>What the hostile requests need from the running host: conversations, their tokens, forged credentials, keys.</summary>
public sealed class HostileContext
{
    private int _eventCounter;

    /// <summary>The attacker's own conversation and its valid token.</summary>
    public required string ConversationId { get; init; }

    public required string Token { get; init; }

    /// <summary>Another customer's conversation (holding the canary) and its token.</summary>
    public required string VictimConversationId { get; init; }

    public required string VictimToken { get; init; }

    /// <summary>A token for the attacker's conversation that expired an hour ago.</summary>
    public required string ExpiredToken { get; init; }

    /// <summary>The attacker's token with its payload changed to the victim's conversation (signature no longer matches).</summary>
    public required string TamperedToken { get; init; }

    /// <summary>An unsigned token (<c>alg: none</c>) for the victim's conversation.</summary>
    public required string UnsignedToken { get; init; }

    public required string SlackSigningSecret { get; init; }

    public required string AgentApiKey { get; init; }

    public required string AdminKey { get; init; }

    /// <summary>The host's clock, for Slack's signed timestamps.</summary>
    public required Func<DateTimeOffset> Now { get; init; }

    /// <summary>A fresh Slack event id, so deduplication does not swallow cases.</summary>
    public string NextEventId() => "EvHostile" + Interlocked.Increment(ref _eventCounter);

    /// <summary>A fresh Slack message ts.</summary>
    public string NextTs() => "1772443800." + Interlocked.Increment(ref _eventCounter).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

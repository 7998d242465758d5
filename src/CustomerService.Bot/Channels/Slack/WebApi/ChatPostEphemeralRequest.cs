namespace CustomerService.Bot.Channels.Slack.WebApi;

/// <summary>chat.postEphemeral arguments; the message cannot be updated later.</summary>
internal sealed record ChatPostEphemeralRequest
{
    public required string Channel { get; init; }

    public required string User { get; init; }

    public required string Text { get; init; }

    public string? ThreadTs { get; init; }
}

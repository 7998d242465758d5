using CustomerService.Bot.Channels.Slack.BlockKit;

namespace CustomerService.Bot.Channels.Slack.WebApi;

/// <summary>chat.update arguments: <see cref="Channel"/> + <see cref="Ts"/> name the message; a message cannot move.</summary>
internal sealed record ChatUpdateRequest
{
    public required string Channel { get; init; }

    public required string Ts { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<SlackBlock>? Blocks { get; init; }
}

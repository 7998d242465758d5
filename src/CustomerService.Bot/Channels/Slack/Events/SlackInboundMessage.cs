namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>A Slack message that passed the filters, with its conversation key worked out.</summary>
/// <param name="Kind">Customer message or agent thread reply.</param>
/// <param name="EventId">The envelope's event id (for logs).</param>
/// <param name="TeamId">Workspace id.</param>
/// <param name="Channel">Channel id (<c>C…</c>, <c>G…</c> or <c>D…</c>).</param>
/// <param name="User">Author's user id.</param>
/// <param name="Text">Message text with the bot mention stripped; personal data.</param>
/// <param name="Ts">The message's own ts.</param>
/// <param name="ThreadRootTs">The thread to answer in: <c>thread_ts ?? ts</c>.</param>
/// <param name="IsDirectMessage">True for a DM with the bot.</param>
internal sealed record SlackInboundMessage(
    SlackMessageKind Kind,
    string EventId,
    string TeamId,
    string Channel,
    string User,
    string Text,
    string Ts,
    string ThreadRootTs,
    bool IsDirectMessage)
{
    /// <summary>
    /// (team, D-channel) for a DM, (team, channel, thread root ts) elsewhere (slack.md §2.4).
    /// </summary>
    public string ConversationId => IsDirectMessage
        ? SlackConversationId.ForDirectMessage(TeamId, Channel)
        : SlackConversationId.ForThread(TeamId, Channel, ThreadRootTs);
}

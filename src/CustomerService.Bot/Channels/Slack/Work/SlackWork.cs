namespace CustomerService.Bot.Channels.Slack.Work;

/// <summary>A unit of Slack work taken in by a webhook or the socket and done by <c>SlackTurnWorker</c>.</summary>
internal abstract record SlackWork
{
    /// <summary>Work for one conversation runs in order; different conversations run side by side.</summary>
    public abstract string OrderingKey { get; }
}

namespace CustomerService.Bot.Channels.Slack.Events;

/// <summary>A receiver's answer: a status plus the challenge or the problem.</summary>
internal sealed record SlackReceiveResult(SlackReceiveStatus Status, string? Detail = null)
{
    public static SlackReceiveResult Accepted { get; } = new(SlackReceiveStatus.Accepted);

    public static SlackReceiveResult Busy { get; } = new(SlackReceiveStatus.Busy);

    public static SlackReceiveResult Bad(string problem) => new(SlackReceiveStatus.BadRequest, problem);
}

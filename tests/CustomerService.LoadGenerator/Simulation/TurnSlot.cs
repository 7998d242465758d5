namespace CustomerService.LoadGenerator.Simulation;

/// <summary>
/// One posted activity id and the replies to it. Created by whichever side sees the id first: over a
/// WebSocket the reply can arrive before the POST that caused it has returned.
/// </summary>
internal sealed class TurnSlot
{
    private readonly TaskCompletionSource<long> _firstReply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the timestamp the first bot reply arrived.</summary>
    public Task<long> FirstReply => _firstReply.Task;

    public bool Posted { get; set; }

    public string? ClientActivityId { get; set; }

    public bool Lost { get; set; }

    public int Replies { get; private set; }

    public void AddReply(long arrived)
    {
        Replies++;
        _firstReply.TrySetResult(arrived);
    }

    public void Abandon(Exception reason) => _firstReply.TrySetException(reason);
}

using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack.Work;

/// <summary>
/// Bounded lanes between the receivers and <c>SlackTurnWorker</c>. Work is laned by conversation, so one
/// conversation's items stay in order while a slow Slack call for one card does not stall the others.
/// </summary>
internal sealed class SlackWorkQueue
{
    public const int LaneCount = 4;

    private readonly Channel<SlackWork>[] _lanes;

    public SlackWorkQueue(IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var perLane = Math.Max(1, options.Value.TurnQueueCapacity / LaneCount);
        _lanes = new Channel<SlackWork>[LaneCount];
        for (var i = 0; i < LaneCount; i++)
        {
            _lanes[i] = Channel.CreateBounded<SlackWork>(new BoundedChannelOptions(perLane)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleReader = true,
            });
        }
    }

    /// <summary>Queues work, waiting for room up to <paramref name="timeout"/>; false when still full.</summary>
    public async ValueTask<bool> TryEnqueueAsync(SlackWork work, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var lane = Lane(work.OrderingKey);
        if (lane.Writer.TryWrite(work))
        {
            return true;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = timeProvider.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), cts, timeout, Timeout.InfiniteTimeSpan);
        try
        {
            await lane.Writer.WriteAsync(work, cts.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public ChannelReader<SlackWork> Reader(int lane) => _lanes[lane].Reader;

    private Channel<SlackWork> Lane(string key) =>
        _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % LaneCount)];
}

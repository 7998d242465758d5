using System.Threading.Channels;

namespace CustomerService.Bot.Workers;

/// <summary>Wakes <see cref="EscalationOutboxWorker"/> before its next poll, e.g. right after a claim queued a card update.</summary>
internal sealed class EscalationOutboxSignal
{
    // One slot, extra wakes dropped: several wakes before the worker looks are one drain.
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Wake() => _signal.Writer.TryWrite(true);

    public Task<bool> WaitAsync(CancellationToken cancellationToken) => _signal.Reader.ReadAsync(cancellationToken).AsTask();
}

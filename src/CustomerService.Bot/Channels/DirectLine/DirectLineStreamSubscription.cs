using System.Threading.Channels;
using CustomerService.Core.Activities;
using CustomerService.Core.Ports;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>
/// The one socket subscribed to a conversation: a bounded queue of frames. When the queue overflows or a
/// newer socket takes over, the queue completes; the client reconnects and replays from its watermark.
/// </summary>
internal sealed class DirectLineStreamSubscription
{
    private readonly Channel<DirectLineStreamFrame> _frames;
    private readonly Lock _gate = new();
    private long _lastNumber;

    public DirectLineStreamSubscription(string conversationId, int capacity)
    {
        ConversationId = conversationId;
        _frames = Channel.CreateBounded<DirectLineStreamFrame>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string ConversationId { get; }

    public ChannelReader<DirectLineStreamFrame> Frames => _frames.Reader;

    /// <summary>Why it ended: <c>collision</c> (a newer socket), <c>overflow</c>, or null while live.</summary>
    public string? EndReason { get; private set; }

    /// <summary>Number of the last frame queued so far.</summary>
    public long LastFrameNumber
    {
        get
        {
            lock (_gate)
            {
                return _lastNumber;
            }
        }
    }

    public void Offer(IReadOnlyList<StoredActivity>? stored, Activity? ephemeral)
    {
        bool overflowed;
        lock (_gate)
        {
            // Numbering and writing under one lock keeps queue order equal to number order.
            overflowed = !_frames.Writer.TryWrite(new DirectLineStreamFrame(_lastNumber + 1, stored, ephemeral));
            if (!overflowed)
            {
                _lastNumber++;
            }
        }

        if (overflowed)
        {
            End("overflow");
        }
    }

    public void End(string reason)
    {
        lock (_gate)
        {
            if (EndReason is not null)
            {
                return;
            }

            EndReason = reason;
            _frames.Writer.TryComplete();
        }
    }
}

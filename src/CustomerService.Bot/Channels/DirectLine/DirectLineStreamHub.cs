using CustomerService.Core.Activities;
using CustomerService.Core.Ports;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>
/// In-memory fan-out from the bot to the open sockets, one per conversation (directline.md §5: a newer
/// socket replaces the older). Nothing here is durable: a socket that misses frames replays from the log.
/// </summary>
internal sealed class DirectLineStreamHub(IOptions<DirectLineOptions> options, ILogger<DirectLineStreamHub> logger)
{
    private readonly Dictionary<string, DirectLineStreamSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public DirectLineStreamSubscription Subscribe(string conversationId)
    {
        var subscription = new DirectLineStreamSubscription(conversationId, options.Value.MaxQueuedFrames);
        DirectLineStreamSubscription? previous;
        lock (_gate)
        {
            _subscriptions.TryGetValue(conversationId, out previous);
            _subscriptions[conversationId] = subscription;
        }

        if (previous is not null)
        {
            Log.StreamReplaced(logger, conversationId);
            previous.End("collision");
        }

        return subscription;
    }

    public void Unsubscribe(DirectLineStreamSubscription subscription)
    {
        lock (_gate)
        {
            if (_subscriptions.TryGetValue(subscription.ConversationId, out var current) && ReferenceEquals(current, subscription))
            {
                _subscriptions.Remove(subscription.ConversationId);
            }
        }
    }

    public void Publish(string conversationId, IReadOnlyList<StoredActivity> activities)
    {
        if (activities.Count > 0)
        {
            Find(conversationId)?.Offer(activities, null);
        }
    }

    public void PublishEphemeral(string conversationId, Activity activity) => Find(conversationId)?.Offer(null, activity);

    private DirectLineStreamSubscription? Find(string conversationId)
    {
        lock (_gate)
        {
            return _subscriptions.GetValueOrDefault(conversationId);
        }
    }
}

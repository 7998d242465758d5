using System.Text.Json;
using CustomerService.LoadGenerator.DirectLine;
using CustomerService.LoadGenerator.Measurement;

namespace CustomerService.LoadGenerator.Simulation;

/// <summary>
/// Everything one conversation receives, matched to what it posted: first reply per turn (by replyToId),
/// duplicates (an id delivered twice), echoes of our own messages (§9), and anything that belongs to
/// someone else. Fed by the stream or poll loop while the customer's turn loop waits on it.
/// </summary>
internal sealed class ReplyTracker(string conversationId, string userId)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _seenIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TurnSlot> _turns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _echoIdsByClientId = new(StringComparer.Ordinal);
    private int _duplicates;
    private int _misrouted;
    private bool _escalated;

    public bool Escalated
    {
        get
        {
            lock (_gate)
            {
                return _escalated;
            }
        }
    }

    public void OnActivities(ActivitySet set, long arrived)
    {
        ArgumentNullException.ThrowIfNull(set);
        lock (_gate)
        {
            foreach (var activity in set.Activities ?? [])
            {
                OnActivity(activity, arrived);
            }
        }
    }

    /// <summary>Records that the server accepted our message under <paramref name="activityId"/>.</summary>
    public TurnSlot Register(string activityId, string clientActivityId)
    {
        lock (_gate)
        {
            var slot = Slot(activityId);
            slot.Posted = true;
            slot.ClientActivityId = clientActivityId;
            return slot;
        }
    }

    /// <summary>The receive side ended: no reply can arrive any more for turns still waiting.</summary>
    public void Close(Exception reason)
    {
        lock (_gate)
        {
            foreach (var slot in _turns.Values)
            {
                slot.Abandon(reason);
            }
        }
    }

    public ConversationTally Finish(int expectedRepliesPerTurn)
    {
        lock (_gate)
        {
            int extra = 0, late = 0, orphans = 0, echoProblems = 0, replies = 0;
            foreach (var (id, slot) in _turns)
            {
                if (!slot.Posted)
                {
                    // Replying to an activity the client has (e.g. a bot message) is fine; to one it never saw is G7.
                    if (!_seenIds.Contains(id))
                    {
                        orphans += slot.Replies;
                    }

                    continue;
                }

                replies += slot.Replies;
                if (expectedRepliesPerTurn > 0 && slot.Replies > expectedRepliesPerTurn)
                {
                    extra += slot.Replies - expectedRepliesPerTurn;
                }

                if (slot.Lost && slot.Replies > 0)
                {
                    late++;
                }

                if (slot.ClientActivityId is null
                    || !_echoIdsByClientId.TryGetValue(slot.ClientActivityId, out var echoedId)
                    || !string.Equals(echoedId, id, StringComparison.Ordinal))
                {
                    echoProblems++;
                }
            }

            return new ConversationTally(_duplicates, extra, late, _misrouted, orphans, echoProblems, replies);
        }
    }

    private void OnActivity(WireActivity activity, long arrived)
    {
        if (activity.Id is not null && !_seenIds.Add(activity.Id))
        {
            _duplicates++;
            return;
        }

        if (activity.Conversation?.Id is { } otherConversation && !string.Equals(otherConversation, conversationId, StringComparison.Ordinal))
        {
            _misrouted++;
            return;
        }

        var role = activity.From?.Role;
        var fromUs = string.Equals(activity.From?.Id, userId, StringComparison.Ordinal);
        if (string.Equals(role, "user", StringComparison.Ordinal) || (role is null && fromUs))
        {
            if (!fromUs)
            {
                // Another customer's message on our conversation.
                _misrouted++;
                return;
            }

            if (activity.Id is not null && ClientActivityId(activity.ChannelData) is { } clientId)
            {
                _echoIdsByClientId.TryAdd(clientId, activity.Id);
            }

            return;
        }

        if (string.Equals(activity.Type, "event", StringComparison.Ordinal)
            && activity.Name is not null
            && activity.Name.StartsWith("handoff.", StringComparison.Ordinal))
        {
            _escalated = true;
            return;
        }

        // Typing and other ephemeral activities are not replies; a welcome message has no replyToId.
        if (string.Equals(activity.Type, "message", StringComparison.Ordinal) && activity.ReplyToId is { Length: > 0 } replyTo)
        {
            Slot(replyTo).AddReply(arrived);
        }
    }

    private TurnSlot Slot(string activityId)
    {
        if (!_turns.TryGetValue(activityId, out var slot))
        {
            slot = new TurnSlot();
            _turns.Add(activityId, slot);
        }

        return slot;
    }

    private static string? ClientActivityId(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

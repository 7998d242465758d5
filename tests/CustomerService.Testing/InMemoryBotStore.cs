using System.Globalization;
using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;

namespace CustomerService.Testing;

/// <summary>
/// The committed data of an in-memory bot: customers, orders, facts, conversation states, transcripts,
/// annotations and escalations. Turns stage changes in an <see cref="InMemoryTurnStore"/> and commit them here
/// atomically, like the SQLite stores do, so tests can run the whole pipeline without a database.
/// </summary>
public sealed class InMemoryBotStore(TimeProvider timeProvider)
{
    private static readonly HashSet<string> ClosedStatuses = new(StringComparer.OrdinalIgnoreCase) { "delivered", "cancelled", "canceled", "refunded", "returned" };

    private readonly object _gate = new();
    private readonly Dictionary<string, string> _identities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OrderSummary>> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Customer, string Key), string> _facts = [];
    private readonly Dictionary<string, string> _lastIssues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConversationState> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StoredActivity>> _transcripts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TurnAnnotation> _annotations = new(StringComparer.Ordinal);
    private readonly List<EscalationRequest> _escalations = [];
    private int _nextCustomer;

    public InMemoryBotStore()
        : this(TimeProvider.System)
    {
    }

    public int Commits { get; private set; }

    /// <summary>When set, the next commit throws it and applies nothing.</summary>
    public Exception? FailNextCommit { get; set; }

    /// <summary>Links a channel identity to a customer (created if new) with an optional display name.</summary>
    public InMemoryBotStore AddCustomer(string customerId, string channelId, string accountId, string? name = null)
    {
        lock (_gate)
        {
            _identities[IdentityKey(channelId, accountId)] = customerId;
            if (name is not null)
            {
                _facts[(customerId, "name")] = name;
            }
        }

        return this;
    }

    public InMemoryBotStore AddOrder(string customerId, OrderSummary order)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(customerId, out var list))
            {
                _orders[customerId] = list = [];
            }

            list.Add(order);
        }

        return this;
    }

    public InMemoryBotStore SetFact(string customerId, string key, string value)
    {
        lock (_gate)
        {
            _facts[(customerId, key)] = value;
        }

        return this;
    }

    /// <summary>The intent of the customer's previous conversation.</summary>
    public InMemoryBotStore SetLastIssue(string customerId, string intent)
    {
        lock (_gate)
        {
            _lastIssues[customerId] = intent;
        }

        return this;
    }

    public string? Fact(string customerId, string key)
    {
        lock (_gate)
        {
            return _facts.GetValueOrDefault((customerId, key));
        }
    }

    public ConversationState? Conversation(string conversationId)
    {
        lock (_gate)
        {
            return _conversations.TryGetValue(conversationId, out var state) ? Clone(state) : null;
        }
    }

    public IReadOnlyList<StoredActivity> Transcript(string conversationId)
    {
        lock (_gate)
        {
            return _transcripts.TryGetValue(conversationId, out var list) ? [.. list] : [];
        }
    }

    public TurnAnnotation? Annotation(string activityId)
    {
        lock (_gate)
        {
            return _annotations.GetValueOrDefault(activityId);
        }
    }

    public IReadOnlyList<EscalationRequest> Escalations
    {
        get
        {
            lock (_gate)
            {
                return [.. _escalations];
            }
        }
    }

    /// <summary>Appends an inbound activity and commits at once, as <see cref="ITranscriptStore.AppendCommittedAsync"/> does.</summary>
    public StoredActivity AppendCommitted(string conversationId, Activity activity)
    {
        lock (_gate)
        {
            return AppendLocked(conversationId, activity);
        }
    }

    internal string ResolveCustomer(string channelId, ChannelAccount account)
    {
        lock (_gate)
        {
            var key = IdentityKey(channelId, account.Id);
            if (!_identities.TryGetValue(key, out var customerId))
            {
                customerId = string.Create(CultureInfo.InvariantCulture, $"customer-{++_nextCustomer}");
                _identities[key] = customerId;
            }

            return customerId;
        }
    }

    internal ConversationState LoadOrCreate(string channelId, string conversationId, ChannelAccount customer)
    {
        var customerId = ResolveCustomer(channelId, customer);
        lock (_gate)
        {
            if (_conversations.TryGetValue(conversationId, out var state))
            {
                return Clone(state);
            }

            // First sight creates the conversation, as the SQLite store does.
            state = new ConversationState { ConversationId = conversationId, ChannelId = channelId, CustomerId = customerId };
            _conversations[conversationId] = state;
            return Clone(state);
        }
    }

    internal CustomerContext Context(string customerId)
    {
        lock (_gate)
        {
            var orders = Orders(customerId);
            var open = orders.FirstOrDefault(o => !ClosedStatuses.Contains(o.Status));
            var category = _facts.GetValueOrDefault((customerId, "preferred_category"));
            return new CustomerContext(
                _facts.GetValueOrDefault((customerId, "name")),
                open?.Number,
                open?.Status,
                _lastIssues.GetValueOrDefault(customerId),
                category is null ? [] : [category]);
        }
    }

    internal IReadOnlyList<OrderSummary> Orders(string customerId)
    {
        lock (_gate)
        {
            return _orders.TryGetValue(customerId, out var list) ? [.. list.OrderByDescending(o => o.PlacedAt)] : [];
        }
    }

    internal IReadOnlyList<StoredActivity> Read(string conversationId, long afterSequence, int limit)
    {
        lock (_gate)
        {
            return _transcripts.TryGetValue(conversationId, out var list)
                ? [.. list.Where(a => a.Sequence > afterSequence).Take(limit)]
                : [];
        }
    }

    internal IReadOnlyList<StoredActivity> Commit(InMemoryTurnStore.Staged staged)
    {
        lock (_gate)
        {
            if (FailNextCommit is { } failure)
            {
                FailNextCommit = null;
                throw failure;
            }

            foreach (var state in staged.States.Values)
            {
                _conversations[state.ConversationId] = Clone(state);
            }

            foreach (var ((customer, key), value) in staged.Facts)
            {
                _facts[(customer, key)] = value;
            }

            foreach (var (id, annotation) in staged.Annotations)
            {
                _annotations[id] = annotation;
            }

            _escalations.AddRange(staged.Escalations);
            var stored = staged.Activities.Select(a => AppendLocked(a.ConversationId, a.Activity)).ToList();
            Commits++;
            return stored;
        }
    }

    private StoredActivity AppendLocked(string conversationId, Activity activity)
    {
        if (!_transcripts.TryGetValue(conversationId, out var list))
        {
            _transcripts[conversationId] = list = [];
        }

        var sequence = list.Count + 1;
        var stored = new StoredActivity(sequence, activity with
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}"),
            Timestamp = timeProvider.GetUtcNow(),
        });
        list.Add(stored);
        return stored;
    }

    private static string IdentityKey(string channelId, string accountId) => channelId + "\n" + accountId;

    private static ConversationState Clone(ConversationState s) => new()
    {
        ConversationId = s.ConversationId,
        ChannelId = s.ChannelId,
        CustomerId = s.CustomerId,
        Handoff = s.Handoff,
        AssignedAgent = s.AssignedAgent,
        ActiveDialog = s.ActiveDialog,
        FailedTurns = s.FailedTurns,
        OutOfScopeStreak = s.OutOfScopeStreak,
        LastIntent = s.LastIntent,
        Welcomed = s.Welcomed,
    };
}

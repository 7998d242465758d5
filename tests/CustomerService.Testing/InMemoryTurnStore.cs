using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;

namespace CustomerService.Testing;

/// <summary>
/// One turn's view of an <see cref="InMemoryBotStore"/>: implements every store port, stages writes, and
/// commits them together in <see cref="CommitAsync"/> (register it scoped, once per turn).
/// </summary>
public sealed class InMemoryTurnStore(InMemoryBotStore store)
    : IConversationStore, ICustomerStore, ITranscriptStore, IEscalationOutbox, ITurnTransaction
{
    private Staged _staged = new();

    public Task<ConversationState> LoadAsync(string channelId, string conversationId, ChannelAccount customer, CancellationToken cancellationToken) =>
        Task.FromResult(store.LoadOrCreate(channelId, conversationId, customer));

    public Task SaveAsync(ConversationState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        _staged.States[state.ConversationId] = state;
        return Task.CompletedTask;
    }

    public Task<CustomerContext> GetContextAsync(string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(store.Context(customerId));

    public Task<OrderSummary?> FindOrderAsync(string customerId, string orderNumber, CancellationToken cancellationToken) =>
        Task.FromResult(store.Orders(customerId).FirstOrDefault(o => string.Equals(o.Number, orderNumber, StringComparison.OrdinalIgnoreCase)));

    public Task<IReadOnlyList<OrderSummary>> ListOrdersAsync(string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(store.Orders(customerId));

    public Task SetFactAsync(string customerId, string key, string value, CancellationToken cancellationToken)
    {
        _staged.Facts[(customerId, key)] = value;
        return Task.CompletedTask;
    }

    public Task<StoredActivity> AppendCommittedAsync(string conversationId, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(store.AppendCommitted(conversationId, activity));

    public void Stage(string conversationId, Activity activity) => _staged.Activities.Add((conversationId, activity));

    public Task AnnotateAsync(string activityId, TurnAnnotation annotation, CancellationToken cancellationToken)
    {
        _staged.Annotations[activityId] = annotation;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        Task.FromResult(store.Read(conversationId, afterSequence, limit));

    public Task EnqueueAsync(EscalationRequest escalation, CancellationToken cancellationToken)
    {
        _staged.Escalations.Add(escalation);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredActivity>> CommitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var staged = _staged;
        _staged = new Staged();
        return Task.FromResult(store.Commit(staged));
    }

    /// <summary>What a turn has staged and not yet committed.</summary>
    internal sealed class Staged
    {
        public Dictionary<string, ConversationState> States { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string Customer, string Key), string> Facts { get; } = [];

        public Dictionary<string, TurnAnnotation> Annotations { get; } = new(StringComparer.Ordinal);

        public List<EscalationRequest> Escalations { get; } = [];

        public List<(string ConversationId, Activity Activity)> Activities { get; } = [];
    }
}

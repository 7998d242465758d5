using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Bot.Tests.Slack;

/// <summary>The real transcript store, except that the first inbound append for one conversation fails (a locked disk).</summary>
internal sealed class FailingFirstAppendTranscriptStore(ITranscriptStore inner, FailingFirstAppendTranscriptStore.Fault fault) : ITranscriptStore
{
    public static void Decorate(IServiceCollection services, string conversationId)
    {
        var original = services.Last(d => d.ServiceType == typeof(ITranscriptStore));
        services.Remove(original);
        services.AddSingleton(new Fault(conversationId));
        services.AddScoped<ITranscriptStore>(provider => new FailingFirstAppendTranscriptStore(
            (ITranscriptStore)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!),
            provider.GetRequiredService<Fault>()));
    }

    public Task<StoredActivity> AppendCommittedAsync(string conversationId, Activity activity, CancellationToken cancellationToken) =>
        fault.Trip(conversationId)
            ? throw new IOException("database is locked")
            : inner.AppendCommittedAsync(conversationId, activity, cancellationToken);

    public void Stage(string conversationId, Activity activity) => inner.Stage(conversationId, activity);

    public Task AnnotateAsync(string activityId, TurnAnnotation annotation, CancellationToken cancellationToken) =>
        inner.AnnotateAsync(activityId, annotation, cancellationToken);

    public Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        inner.ReadAsync(conversationId, afterSequence, limit, cancellationToken);

    /// <summary>Trips once for its conversation.</summary>
    internal sealed class Fault(string conversationId)
    {
        private int _tripped;

        public bool Trip(string target) => target == conversationId && Interlocked.Exchange(ref _tripped, 1) == 0;
    }
}

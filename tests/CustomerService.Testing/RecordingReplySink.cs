using CustomerService.Core.Activities;
using CustomerService.Core.Ports;

namespace CustomerService.Testing;

/// <summary>A reply sink that records every delivery in order, and lets a test await published activities without sleeping.</summary>
public sealed class RecordingReplySink : IReplySink
{
    private readonly List<RecordedActivity> _timeline = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    /// <summary>Everything delivered, ephemeral and published, in delivery order.</summary>
    public IReadOnlyList<RecordedActivity> Timeline
    {
        get
        {
            lock (_timeline)
            {
                return [.. _timeline];
            }
        }
    }

    public IReadOnlyList<Activity> Published => [.. Timeline.Where(r => !r.Ephemeral).Select(r => r.Activity)];

    public IReadOnlyList<Activity> Ephemeral => [.. Timeline.Where(r => r.Ephemeral).Select(r => r.Activity)];

    /// <summary>When set, PublishAsync throws it (to test publish failures).</summary>
    public Exception? PublishFailure { get; set; }

    public ValueTask SendEphemeralAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        Record(new RecordedActivity(conversationId, true, activity, null));
        return ValueTask.CompletedTask;
    }

    public ValueTask PublishAsync(string conversationId, IReadOnlyList<StoredActivity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (PublishFailure is { } failure)
        {
            throw failure;
        }

        foreach (var stored in activities)
        {
            Record(new RecordedActivity(conversationId, false, stored.Activity, stored.Sequence));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Completes once at least <paramref name="count"/> activities were published.</summary>
    public Task WaitForPublishedAsync(int count, CancellationToken cancellationToken)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_timeline)
        {
            if (_timeline.Count(r => !r.Ephemeral) >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, signal));
        }

        return signal.Task.WaitAsync(cancellationToken);
    }

    private void Record(RecordedActivity recorded)
    {
        List<TaskCompletionSource> ready;
        lock (_timeline)
        {
            _timeline.Add(recorded);
            var published = _timeline.Count(r => !r.Ephemeral);
            ready = [.. _waiters.Where(w => w.Count <= published).Select(w => w.Signal)];
            _waiters.RemoveAll(w => w.Count <= published);
        }

        foreach (var signal in ready)
        {
            signal.TrySetResult();
        }
    }
}

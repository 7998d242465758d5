using System.Collections.Concurrent;
using CustomerService.Core.Activities;
using CustomerService.Core.Ports;
using CustomerService.Core.Turns;
using CustomerService.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Core.Tests.Turns;

public sealed class TurnDispatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingReplySink _sink = new();

    [Fact]
    public async Task Worker_TurnsOfOneConversation_RunInOrderWhileOthersRunConcurrently()
    {
        var processor = new GatedProcessor();
        using var dispatcher = Dispatcher(capacity: 10);
        using var worker = new TurnWorker(dispatcher, processor, Options(10, 4), NullLogger<TurnWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);

        Assert.True(await dispatcher.EnqueueAsync(Request("a", "a1")));
        Assert.True(await dispatcher.EnqueueAsync(Request("a", "a2")));
        Assert.True(await dispatcher.EnqueueAsync(Request("b", "b1")));
        await processor.Started("a1").WaitAsync(Patience);
        await processor.Started("b1").WaitAsync(Patience);

        Assert.False(processor.Started("a2").IsCompleted);
        processor.Release("a1");
        await processor.Started("a2").WaitAsync(Patience);
        processor.Release("a2");
        processor.Release("b1");
        await worker.StopAsync(CancellationToken.None);
        Assert.Equal(["a1", "a2"], processor.Order.Where(id => id.StartsWith('a')));
    }

    [Fact]
    public async Task Enqueue_QueueFullPastTimeout_ReturnsFalse()
    {
        using var dispatcher = Dispatcher(capacity: 1);
        Assert.True(await dispatcher.EnqueueAsync(Request("a", "a1")));

        var second = dispatcher.EnqueueAsync(Request("b", "b1")).AsTask();
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.False(await second.WaitAsync(Patience));
    }

    [Fact]
    public async Task Enqueue_QueueFullThenTurnFinishes_WaitsAndSucceeds()
    {
        var processor = new GatedProcessor();
        using var dispatcher = Dispatcher(capacity: 1);
        using var worker = new TurnWorker(dispatcher, processor, Options(1, 1), NullLogger<TurnWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        Assert.True(await dispatcher.EnqueueAsync(Request("a", "a1")));
        await processor.Started("a1").WaitAsync(Patience);

        var second = dispatcher.EnqueueAsync(Request("b", "b1")).AsTask();
        Assert.False(second.IsCompleted);
        processor.Release("a1");

        Assert.True(await second.WaitAsync(Patience));
        await processor.Started("b1").WaitAsync(Patience);
        processor.Release("b1");
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Enqueue_AfterShutdown_ReturnsFalse()
    {
        using var dispatcher = Dispatcher(capacity: 4);
        dispatcher.Complete();

        Assert.False(await dispatcher.EnqueueAsync(Request("a", "a1")));
    }

    private TurnDispatcher Dispatcher(int capacity) =>
        new(Options(capacity, 4), _time, NullLogger<TurnDispatcher>.Instance);

    private static IOptions<TurnOptions> Options(int capacity, int concurrency) =>
        Microsoft.Extensions.Options.Options.Create(new TurnOptions { QueueCapacity = capacity, MaxConcurrentTurns = concurrency, EnqueueTimeout = TimeSpan.FromSeconds(5) });

    private TurnRequest Request(string conversation, string activityId) => new(
        "webchat",
        conversation,
        new StoredActivity(1, new Activity { Id = activityId, Text = "x" }),
        new ChannelAccount("user"),
        _sink);

    /// <summary>A processor whose turns wait until the test releases them, recording start order.</summary>
    private sealed class GatedProcessor : ITurnProcessor
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
        private readonly ConcurrentQueue<string> _order = new();

        public IEnumerable<string> Order => _order;

        public Task Started(string id) => Signal(_started, id).Task;

        public void Release(string id) => Signal(_gates, id).TrySetResult();

        public async Task ProcessAsync(TurnRequest request, CancellationToken cancellationToken = default)
        {
            var id = request.Inbound.Activity.Id!;
            _order.Enqueue(id);
            Signal(_started, id).TrySetResult();
            await Signal(_gates, id).Task.WaitAsync(cancellationToken);
        }

        private static TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> map, string id) =>
            map.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}

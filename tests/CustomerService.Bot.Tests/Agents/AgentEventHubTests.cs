using System.Diagnostics;
using System.Net.ServerSentEvents;
using CustomerService.Bot.Agents;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Bot.Tests.Agents;

public sealed class AgentEventHubTests
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private readonly AgentEventHub _hub = new(NullLogger<AgentEventHub>.Instance);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Stream_Connected_StartsWithResync()
    {
        await using var stream = Open();

        var first = await NextAsync(stream);

        Assert.Equal(AgentEventKinds.Resync, first.EventType);
    }

    [Fact]
    public async Task EscalationChanged_TwoOpenPages_BothReceiveTheConversationId()
    {
        await using var first = Open();
        await using var second = Open();
        await NextAsync(first);
        await NextAsync(second);

        await _hub.EscalationChangedAsync("conv-1", CancellationToken.None);

        Assert.Equal(new AgentEvent(AgentEventKinds.Escalation, "conv-1"), (await NextAsync(first)).Data);
        Assert.Equal(new AgentEvent(AgentEventKinds.Escalation, "conv-1"), (await NextAsync(second)).Data);
    }

    [Fact]
    public async Task ConversationActivity_OpenPage_ReceivesActivityEvent()
    {
        await using var stream = Open();
        await NextAsync(stream);

        await _hub.ConversationActivityAsync("conv-2", CancellationToken.None);

        var item = await NextAsync(stream);
        Assert.Equal(AgentEventKinds.Activity, item.EventType);
        Assert.Equal("conv-2", item.Data.ConversationId);
    }

    [Fact]
    public async Task Stream_IdleForKeepAliveInterval_SendsPing()
    {
        await using var stream = Open();
        await NextAsync(stream);
        var next = stream.MoveNextAsync().AsTask();

        // The stream's timer fires on fake time, but it is armed by a continuation that a busy machine may run
        // late: keep advancing, with a short real pause for that continuation, until the ping arrives.
        var deadline = Stopwatch.StartNew();
        while (!next.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            _time.Advance(KeepAlive);
            await Task.Delay(5);
        }

        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(1)));
        Assert.Equal(AgentEventKinds.Ping, stream.Current.EventType);
    }

    [Fact]
    public async Task Subscription_SlowReaderOverflowsBuffer_GetsResyncBeforeNewerEvents()
    {
        await using var stream = Open();
        await NextAsync(stream);

        for (var i = 0; i < 300; i++)
        {
            await _hub.EscalationChangedAsync($"conv-{i}", CancellationToken.None);
        }

        var item = await NextAsync(stream);
        Assert.Equal(AgentEventKinds.Resync, item.EventType);
        Assert.Equal("conv-172", (await NextAsync(stream)).Data.ConversationId);
    }

    [Fact]
    public async Task Stream_Disposed_UnsubscribesFromHub()
    {
        var stream = Open();
        await NextAsync(stream);

        await stream.DisposeAsync();

        Assert.Equal(0, _hub.SubscriberCount);
    }

    [Fact]
    public void Subscribe_AtCapacity_RefusesAnotherStream()
    {
        var open = Enumerable.Range(0, AgentEventHub.MaxSubscribers).Select(_ => _hub.Subscribe()).ToList();

        var extra = _hub.Subscribe();

        Assert.Null(extra);
        Assert.All(open, s => Assert.NotNull(s));
        open.ForEach(s => s!.Dispose());
    }

    private IAsyncEnumerator<SseItem<AgentEvent>> Open() =>
        AgentEventsEndpoints.ReadAsync(_hub.Subscribe()!, KeepAlive, _time, CancellationToken.None).GetAsyncEnumerator();

    private static async Task<SseItem<AgentEvent>> NextAsync(IAsyncEnumerator<SseItem<AgentEvent>> stream)
    {
        Assert.True(await stream.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        return stream.Current;
    }
}

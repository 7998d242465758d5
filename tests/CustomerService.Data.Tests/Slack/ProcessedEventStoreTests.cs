using CustomerService.Data.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Data.Tests.Slack;

public sealed class ProcessedEventStoreTests
{
    [Fact]
    public async Task TryMarkProcessed_SameEventTwice_TrueThenFalse()
    {
        await using var host = await DataTestHost.StartAsync();
        var store = host.Services.GetRequiredService<IProcessedEventStore>();

        var first = await store.TryMarkProcessedAsync("Ev0ABC123", CancellationToken.None);
        var retry = await store.TryMarkProcessedAsync("Ev0ABC123", CancellationToken.None);
        var other = await store.TryMarkProcessedAsync("Ev0ABC124", CancellationToken.None);

        Assert.True(first);
        Assert.False(retry);
        Assert.True(other);
    }

    [Fact]
    public async Task TryMarkProcessed_AfterRestart_StillRemembers()
    {
        await using var host = await DataTestHost.StartAsync();
        await host.Services.GetRequiredService<IProcessedEventStore>().TryMarkProcessedAsync("Ev0ABC123", CancellationToken.None);

        var afterRestart = await host.OpenSecondProcess().GetRequiredService<IProcessedEventStore>()
            .TryMarkProcessedAsync("Ev0ABC123", CancellationToken.None);

        Assert.False(afterRestart);
    }

    [Fact]
    public async Task TryMarkProcessed_ConcurrentDeliveries_ExactlyOneIsFirst()
    {
        await using var host = await DataTestHost.StartAsync();
        var second = host.OpenSecondProcess();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            (i % 2 == 0 ? host.Services : second).GetRequiredService<IProcessedEventStore>()
                .TryMarkProcessedAsync("Ev0RACE", CancellationToken.None))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Forget_MarkedId_LetsTheNextDeliveryThrough()
    {
        await using var host = await DataTestHost.StartAsync();
        var store = host.Services.GetRequiredService<IProcessedEventStore>();
        await store.TryMarkProcessedAsync("Ev0FAILED", CancellationToken.None);

        var forgotten = await store.ForgetAsync("Ev0FAILED", CancellationToken.None);
        var again = await store.ForgetAsync("Ev0FAILED", CancellationToken.None);
        var retried = await store.TryMarkProcessedAsync("Ev0FAILED", CancellationToken.None);

        Assert.True(forgotten);
        Assert.False(again);
        Assert.True(retried);
    }

    [Fact]
    public async Task Prune_OldIds_ForgetsOnlyThose()
    {
        await using var host = await DataTestHost.StartAsync();
        var store = host.Services.GetRequiredService<IProcessedEventStore>();
        await store.TryMarkProcessedAsync("Ev0OLD", CancellationToken.None);
        host.Time.Advance(TimeSpan.FromDays(2));
        await store.TryMarkProcessedAsync("Ev0NEW", CancellationToken.None);

        var removed = await store.PruneAsync(host.Time.GetUtcNow().AddDays(-1), CancellationToken.None);

        Assert.Equal(1, removed);
        Assert.True(await store.TryMarkProcessedAsync("Ev0OLD", CancellationToken.None));
        Assert.False(await store.TryMarkProcessedAsync("Ev0NEW", CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task TryMarkProcessed_BlankId_ThrowsArgumentException(string eventId)
    {
        await using var host = await DataTestHost.StartAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            host.Services.GetRequiredService<IProcessedEventStore>().TryMarkProcessedAsync(eventId, CancellationToken.None));
    }
}

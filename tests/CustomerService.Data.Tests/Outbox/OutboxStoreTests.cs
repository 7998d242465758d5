using CustomerService.Data.Outbox;
using CustomerService.Data.Tests.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Data.Tests.Outbox;

public sealed class OutboxStoreTests
{
    [Fact]
    public async Task ClaimDue_PendingRows_MovesThemInProgressWithAttemptOne()
    {
        await using var host = await DataTestHost.StartAsync();
        await EscalationStoreTests.EscalateAsync(host, "conv-a");
        var outbox = host.Services.GetRequiredService<IOutboxReader>();

        var claimed = await outbox.ClaimDueAsync(10, CancellationToken.None);
        var again = await outbox.ClaimDueAsync(10, CancellationToken.None);
        await using var db = host.OpenDb();

        var entry = Assert.Single(claimed);
        Assert.Equal(OutboxMessageTypes.EscalationCreated, entry.Type);
        Assert.Equal(1, entry.Attempts);
        Assert.Empty(again);
        Assert.Equal(OutboxState.InProgress, (await db.OutboxMessages.SingleAsync()).State);
    }

    [Fact]
    public async Task ClaimDue_ConcurrentWorkersInTwoProcesses_NeverGetTheSameRow()
    {
        await using var host = await DataTestHost.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            await EscalationStoreTests.EscalateAsync(host, $"conv-{i}", $"user-{i}");
        }

        var second = host.OpenSecondProcess();

        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? host.Services : second).GetRequiredService<IOutboxReader>().ClaimDueAsync(3, CancellationToken.None))));
        var ids = batches.SelectMany(b => b).Select(e => e.Id).ToList();

        Assert.Equal(10, ids.Count);
        Assert.Equal(10, ids.Distinct().Count());
    }

    [Fact]
    public async Task MarkFailed_RepeatedFailures_BacksOffExponentiallyUpToTheCap()
    {
        await using var host = await DataTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Outbox:BaseRetryDelay"] = "00:00:02",
            ["Outbox:MaxRetryDelay"] = "00:00:10",
            ["Outbox:MaxAttempts"] = "10",
        });
        await EscalationStoreTests.EscalateAsync(host, "conv-a");
        var outbox = host.Services.GetRequiredService<IOutboxReader>();
        var delays = new List<TimeSpan>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var entry = Assert.Single(await outbox.ClaimDueAsync(10, CancellationToken.None));
            var next = await outbox.MarkFailedAsync(entry.Id, "http_500", null, CancellationToken.None);
            delays.Add(next!.Value - host.Time.GetUtcNow());
            Assert.Empty(await outbox.ClaimDueAsync(10, CancellationToken.None));
            host.Time.Advance(delays[^1]);
        }

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(10)], delays);
    }

    [Fact]
    public async Task MarkFailed_WithRetryAfter_WaitsExactlyThatLong()
    {
        await using var host = await DataTestHost.StartAsync();
        await EscalationStoreTests.EscalateAsync(host, "conv-a");
        var outbox = host.Services.GetRequiredService<IOutboxReader>();
        var entry = Assert.Single(await outbox.ClaimDueAsync(10, CancellationToken.None));

        var next = await outbox.MarkFailedAsync(entry.Id, "http_429", TimeSpan.FromSeconds(30), CancellationToken.None);
        host.Time.Advance(TimeSpan.FromSeconds(29));
        var early = await outbox.ClaimDueAsync(10, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var onTime = await outbox.ClaimDueAsync(10, CancellationToken.None);
        await using var db = host.OpenDb();

        Assert.Equal(DataTestHost.Start.AddSeconds(30), next);
        Assert.Empty(early);
        Assert.Equal(2, Assert.Single(onTime).Attempts);
    }

    [Fact]
    public async Task MarkFailed_AtMaxAttempts_GivesUpAndNeverClaimsAgain()
    {
        await using var host = await DataTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "2" });
        await EscalationStoreTests.EscalateAsync(host, "conv-a");
        var outbox = host.Services.GetRequiredService<IOutboxReader>();
        var first = Assert.Single(await outbox.ClaimDueAsync(10, CancellationToken.None));
        await outbox.MarkFailedAsync(first.Id, "http_500", null, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromHours(1));
        var second = Assert.Single(await outbox.ClaimDueAsync(10, CancellationToken.None));

        var next = await outbox.MarkFailedAsync(second.Id, "channel_not_found", null, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromDays(1));
        var later = await outbox.ClaimDueAsync(10, CancellationToken.None);
        await using var db = host.OpenDb();
        var row = await db.OutboxMessages.SingleAsync();

        Assert.Null(next);
        Assert.Empty(later);
        Assert.Equal(OutboxState.Failed, row.State);
        Assert.Equal("channel_not_found", row.LastErrorCode);
        Assert.Null(row.NextAttemptAt);
        Assert.Null(await outbox.GetNextDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ResetInProgress_RowsLeftByACrash_AreClaimedAgainOnce()
    {
        await using var host = await DataTestHost.StartAsync();
        await EscalationStoreTests.EscalateAsync(host, "conv-a");
        var crashed = host.OpenSecondProcess().GetRequiredService<IOutboxReader>();
        Assert.Single(await crashed.ClaimDueAsync(10, CancellationToken.None));
        var restarted = host.Services.GetRequiredService<IOutboxReader>();

        var reset = await restarted.ResetInProgressAsync(CancellationToken.None);
        var claimed = await restarted.ClaimDueAsync(10, CancellationToken.None);

        Assert.Equal(1, reset);
        Assert.Equal(2, Assert.Single(claimed).Attempts);
    }

    [Fact]
    public async Task MarkDispatched_ClaimedRow_IsDoneAndStaleOutcomesAreIgnored()
    {
        await using var host = await DataTestHost.StartAsync();
        await EscalationStoreTests.EscalateAsync(host, "conv-a");
        var outbox = host.Services.GetRequiredService<IOutboxReader>();
        var entry = Assert.Single(await outbox.ClaimDueAsync(10, CancellationToken.None));

        await outbox.MarkDispatchedAsync(entry.Id, CancellationToken.None);
        var late = await outbox.MarkFailedAsync(entry.Id, "late", null, CancellationToken.None);
        await using var db = host.OpenDb();
        var row = await db.OutboxMessages.SingleAsync();

        Assert.Null(late);
        Assert.Equal(OutboxState.Dispatched, row.State);
        Assert.Equal(DataTestHost.Start, row.DispatchedAt);
        Assert.Null(await outbox.GetNextDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetNextDue_FailedRow_ReportsItsNextAttempt()
    {
        await using var host = await DataTestHost.StartAsync();
        await EscalationStoreTests.EscalateAsync(host, "conv-a");
        var outbox = host.Services.GetRequiredService<IOutboxReader>();
        var entry = Assert.Single(await outbox.ClaimDueAsync(10, CancellationToken.None));

        var next = await outbox.MarkFailedAsync(entry.Id, "timeout", null, CancellationToken.None);
        var due = await outbox.GetNextDueAsync(CancellationToken.None);

        Assert.Equal(next, due);
    }

    [Fact]
    public void RetryDelay_HugeAttemptCount_StaysAtTheCap()
    {
        var settings = new OutboxOptions { BaseRetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromMinutes(5) };

        var delay = OutboxStore.RetryDelay(10_000, null, settings);
        var requested = OutboxStore.RetryDelay(1, TimeSpan.FromHours(3), settings);

        Assert.Equal(TimeSpan.FromMinutes(5), delay);
        Assert.Equal(TimeSpan.FromMinutes(5), requested);
    }
}

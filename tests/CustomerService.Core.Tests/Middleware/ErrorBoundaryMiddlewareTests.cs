using CustomerService.Core.Activities;
using CustomerService.Core.Escalation;
using CustomerService.Core.Middleware;
using CustomerService.Core.Turns;
using Microsoft.Extensions.Logging;

namespace CustomerService.Core.Tests.Middleware;

public sealed class ErrorBoundaryMiddlewareTests
{
    [Fact]
    public async Task Turn_ClassifierThrows_ApologisesLogsAndCountsFailure()
    {
        var logs = new RecordingLoggerProvider();
        await using var host = new CoreTestHost(logs: logs);
        host.Classifier.Fallback = _ => throw new InvalidOperationException("model exploded");

        await host.SendTextAsync("conv-1", "where is my stuff");

        var reply = Assert.Single(host.Sink.Published);
        Assert.Equal(ErrorBoundaryMiddleware.Apology, reply.Text);
        var entry = Assert.Single(logs.Entries, e => e.Id.Id == 1100);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.DoesNotContain("where is my stuff", entry.Message, StringComparison.Ordinal);
        Assert.Equal(1, host.Store.Conversation("conv-1")?.FailedTurns);
    }

    [Fact]
    public async Task Turn_RepeatedErrors_Escalate()
    {
        await using var host = new CoreTestHost(new Dictionary<string, string?> { ["Escalation:MaxFailedTurns"] = "2" });
        host.Classifier.Fallback = _ => throw new InvalidOperationException("model exploded");

        await host.SendTextAsync("conv-1", "one");
        await host.SendTextAsync("conv-1", "two");

        var escalation = Assert.Single(host.Store.Escalations);
        Assert.Equal(EscalationReason.TurnError, escalation.Reason);
    }

    [Fact]
    public async Task Turn_CancelledOnShutdown_IsNotAnErrorAndSendsNothing()
    {
        var logs = new RecordingLoggerProvider();
        await using var host = new CoreTestHost(logs: logs);
        using var shutdown = new CancellationTokenSource();
        host.Classifier.Fallback = _ =>
        {
            shutdown.Cancel();
            shutdown.Token.ThrowIfCancellationRequested();
            throw new InvalidOperationException("unreachable");
        };
        var customer = new ChannelAccount("user-1", null, RoleTypes.User);
        var inbound = host.Store.AppendCommitted("conv-1", new Activity { Text = "hello there friend", From = customer });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            host.Processor.ProcessAsync(new TurnRequest("webchat", "conv-1", inbound, customer, host.Sink), shutdown.Token));

        Assert.Empty(host.Sink.Published);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Turn_CommitFails_NothingIsPublished()
    {
        await using var host = new CoreTestHost();
        host.Store.FailNextCommit = new IOException("disk full");

        await Assert.ThrowsAsync<IOException>(() => host.SendTextAsync("conv-1", "hi"));

        Assert.Empty(host.Sink.Published);
    }
}

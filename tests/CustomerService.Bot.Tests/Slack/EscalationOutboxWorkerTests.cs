using CustomerService.Core.Activities;
using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;
using CustomerService.Data.Outbox;
using CustomerService.Data.Privacy;
using CustomerService.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Bot.Tests.Slack;

public sealed class EscalationOutboxWorkerTests
{
    private const string Cards = SlackTestHost.CardsChannel;

    [Fact]
    public async Task Outbox_SlackFailsWith5xxForAWhile_CardIsDeliveredExactlyOnceAfterwards()
    {
        await using var host = await SlackTestHost.StartAsync();
        await EscalateOverSlackAsync(host, "D0DOWN");
        host.Slack.ScriptFor("chat.postMessage", Cards, FakeSlackResponse.ServerError(500), FakeSlackResponse.ServerError(503), FakeSlackResponse.ServerError(502));

        for (var round = 0; round < 6; round++)
        {
            await host.DrainOutboxAsync();
            host.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal([500, 503, 502, 200], CardPosts(host).Select(c => c.StatusCode));
        Assert.Single(host.Slack.Succeeded("chat.postMessage"), c => c.Field("channel") == Cards);
    }

    [Fact]
    public async Task Outbox_RateLimited_WaitsForRetryAfterSecondsBeforePostingOnce()
    {
        await using var host = await SlackTestHost.StartAsync();
        await EscalateOverSlackAsync(host, "D0RATE");
        host.Slack.ScriptFor("chat.postMessage", Cards, FakeSlackResponse.RateLimited(retryAfterSeconds: 30));

        await host.DrainOutboxAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(29));
        await host.DrainOutboxAsync();
        var callsBeforeRetryAfter = CardPosts(host).Count;
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.DrainOutboxAsync();

        Assert.Equal(1, callsBeforeRetryAfter);
        Assert.Equal([429, 200], CardPosts(host).Select(c => c.StatusCode));
    }

    [Fact]
    public async Task Outbox_CrashAfterPostBeforeMarking_EditsTheCardInsteadOfPostingAgain()
    {
        var crash = new CrashOnce();
        await using var host = await SlackTestHost.StartAsync(configureServices: services => crash.Decorate(services));
        await EscalateOverSlackAsync(host, "D0CRASH");

        await Assert.ThrowsAsync<OperationCanceledException>(host.DrainOutboxAsync);
        var reset = await host.App.Services.GetRequiredService<IOutboxReader>().ResetInProgressAsync(CancellationToken.None);
        await host.DrainOutboxAsync();

        Assert.Equal(1, reset);
        var post = Assert.Single(host.Slack.Succeeded("chat.postMessage"), c => c.Field("channel") == Cards);
        var update = Assert.Single(host.Slack.Succeeded("chat.update"));
        Assert.Equal(post.AnswerField("ts"), update.Field("ts"));
    }

    [Fact]
    public async Task Outbox_PermanentSlackError_IsRecordedAndRetriedLaterNotLost()
    {
        await using var host = await SlackTestHost.StartAsync();
        await EscalateOverSlackAsync(host, "D0NOTIN");
        host.Slack.ScriptFor("chat.postMessage", Cards, FakeSlackResponse.Error("not_in_channel"));

        await host.DrainOutboxAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await host.DrainOutboxAsync();

        Assert.Equal([200, 200], CardPosts(host).Select(c => c.StatusCode));
        Assert.Single(host.Slack.Succeeded("chat.postMessage"), c => c.Field("channel") == Cards);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 4602 && e.Message.Contains("not_in_channel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outbox_WithoutSlack_EscalationStillReachesTheAgentPageOnce()
    {
        await using var host = await SlackTestHost.StartAsync(new Dictionary<string, string?> { ["Slack:Enabled"] = "false" });
        await EscalateDirectlyAsync(host, "web-conv-1");

        await host.DrainOutboxAsync();
        await host.DrainOutboxAsync();

        Assert.Equal(["web-conv-1"], host.Notifier.EscalationsChanged);
        Assert.Empty(host.Slack.Calls);
    }

    [Fact]
    public async Task Outbox_CustomerErased_CardBecomesATombstone()
    {
        await using var host = await SlackTestHost.StartAsync();
        await EscalateOverSlackAsync(host, "D0ERASE");
        await host.DrainOutboxAsync();
        var card = Assert.Single(host.Slack.Succeeded("chat.postMessage"), c => c.Field("channel") == Cards);
        var privacy = host.App.Services.GetRequiredService<IPrivacyStore>();
        var customerId = await privacy.FindCustomerIdAsync("slack", "U0D0ERASE:T0001", CancellationToken.None);

        await privacy.EraseAsync(customerId!, CancellationToken.None);
        await host.DrainOutboxAsync();

        var tombstone = Assert.Single(host.Slack.Succeeded("chat.update"));
        Assert.Equal(card.AnswerField("ts"), tombstone.Field("ts"));
        Assert.Contains("Erased", tombstone.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("human please", tombstone.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("U0D0ERASE", tombstone.Text, StringComparison.Ordinal);
    }

    private static List<SlackApiCall> CardPosts(SlackTestHost host) =>
        [.. host.Slack.CallsTo("chat.postMessage").Where(c => c.Field("channel") == Cards)];

    private static async Task EscalateOverSlackAsync(SlackTestHost host, string dm)
    {
        host.Classifier.When("human please", "contact_human_agent", 0.97f);
        await host.PostEventAsync(SlackTestHost.MessageEvent("Ev" + dm, dm, "U0" + dm, "human please", "1772443810.000100"));
        await host.WaitForEscalationAsync($"slack:{SlackTestHost.TeamId}:{dm}");
    }

    private static async Task EscalateDirectlyAsync(SlackTestHost host, string conversationId)
    {
        // The same writes a web chat turn makes: the customer's message, then the escalation in the turn's commit.
        await using var scope = host.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var customer = new ChannelAccount("web-user-1", "Jane", RoleTypes.User);
        await services.GetRequiredService<ITranscriptStore>().AppendCommittedAsync(
            conversationId,
            new Activity { ChannelId = "webchat", From = customer, Conversation = new ConversationAccount(conversationId), Text = "human please" },
            CancellationToken.None);
        var state = await services.GetRequiredService<IConversationStore>().LoadAsync("webchat", conversationId, customer, CancellationToken.None);
        await services.GetRequiredService<IEscalationOutbox>().EnqueueAsync(
            new EscalationRequest(conversationId, state.CustomerId, "webchat", EscalationReason.ExplicitRequest, null, ["human please"]),
            CancellationToken.None);
        await services.GetRequiredService<ITurnTransaction>().CommitAsync(CancellationToken.None);
    }

    /// <summary>Kills the first delivery between the Slack post and the Dispatched mark, as a SIGKILL would.</summary>
    private sealed class CrashOnce
    {
        private int _crashed;

        public void Decorate(IServiceCollection services)
        {
            var original = services.Last(d => d.ServiceType == typeof(IOutboxReader));
            services.Remove(original);
            services.AddSingleton<IOutboxReader>(provider =>
                new CrashingReader((IOutboxReader)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!), this));
        }

        public bool ShouldCrash() => Interlocked.Exchange(ref _crashed, 1) == 0;
    }

    private sealed class CrashingReader(IOutboxReader inner, CrashOnce crash) : IOutboxReader
    {
        public Task<int> ResetInProgressAsync(CancellationToken cancellationToken) => inner.ResetInProgressAsync(cancellationToken);

        public Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(int maxCount, CancellationToken cancellationToken) => inner.ClaimDueAsync(maxCount, cancellationToken);

        public Task MarkDispatchedAsync(Guid id, CancellationToken cancellationToken) =>
            crash.ShouldCrash() ? throw new OperationCanceledException("process killed") : inner.MarkDispatchedAsync(id, cancellationToken);

        public Task<DateTimeOffset?> MarkFailedAsync(Guid id, string errorCode, TimeSpan? retryAfter, CancellationToken cancellationToken) =>
            inner.MarkFailedAsync(id, errorCode, retryAfter, cancellationToken);

        public Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken) => inner.GetNextDueAsync(cancellationToken);
    }
}

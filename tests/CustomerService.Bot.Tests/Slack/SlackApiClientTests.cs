using CustomerService.Bot.Channels.Slack;
using CustomerService.Bot.Channels.Slack.WebApi;
using CustomerService.Testing.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Bot.Tests.Slack;

public sealed class SlackApiClientTests : IDisposable
{
    private readonly FakeSlackWebApi _slack = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ServiceProvider _services;

    public SlackApiClientTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:Enabled"] = "true",
            ["Slack:ApiBaseUrl"] = "https://slack.test/api/",
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:AppToken"] = "xapp-test-token",
            ["Slack:SigningSecret"] = "secret",
            ["Slack:MaxRetryAttempts"] = "4",
            ["Slack:RetryBaseDelay"] = "00:00:01",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(_clock)
            .AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSlack();
        services.AddHttpClient(SlackApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _slack);
        _services = services.BuildServiceProvider();
    }

    private ISlackApiClient Client => _services.GetRequiredService<ISlackApiClient>();

    [Fact]
    public async Task PostMessage_Success_SendsJsonUtf8WithBearerTokenAndReturnsTs()
    {
        var posted = await Client.PostMessageAsync(new ChatPostMessageRequest { Channel = "C0CARDS", Text = "hello", ThreadTs = "1.2" }, CancellationToken.None);

        var call = Assert.Single(_slack.Calls);
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("Bearer xoxb-test-token", call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal("C0CARDS", call.Field("channel"));
        Assert.Equal("1.2", call.Field("thread_ts"));
        Assert.Equal("C0CARDS", posted.Channel);
        Assert.False(string.IsNullOrEmpty(posted.Ts));
    }

    [Fact]
    public async Task PostMessage_RateLimitedWithRetryAfter_WaitsThoseSecondsThenPostsOnce()
    {
        _slack.Script("chat.postMessage", FakeSlackResponse.RateLimited(retryAfterSeconds: 3));

        var post = Client.PostMessageAsync(new ChatPostMessageRequest { Channel = "C0CARDS", Text = "card" }, CancellationToken.None);
        await _slack.WaitForAsync(c => c.Method == "chat.postMessage");
        _clock.Advance(TimeSpan.FromMilliseconds(2999));
        var callsBeforeRetryAfter = _slack.Calls.Count;
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var posted = await post.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, callsBeforeRetryAfter);
        Assert.Equal([429, 200], _slack.CallsTo("chat.postMessage").Select(c => c.StatusCode));
        Assert.Single(_slack.Succeeded("chat.postMessage"));
        Assert.Equal("C0CARDS", posted.Channel);
    }

    [Fact]
    public async Task PostMessage_ServerErrorsThenSuccess_IsDeliveredExactlyOnce()
    {
        _slack.Script("chat.postMessage", FakeSlackResponse.ServerError(500), FakeSlackResponse.ServerError(503), FakeSlackResponse.ServerError(502));

        var post = Client.PostMessageAsync(new ChatPostMessageRequest { Channel = "C0CARDS", Text = "card" }, CancellationToken.None);
        var posted = await AdvanceUntilDoneAsync(post);

        Assert.Equal([500, 503, 502, 200], _slack.CallsTo("chat.postMessage").Select(c => c.StatusCode));
        Assert.Single(_slack.Succeeded("chat.postMessage"));
        Assert.Equal("C0CARDS", posted.Channel);
    }

    [Fact]
    public async Task PostMessage_ServerErrorsBeyondRetries_ThrowsWithHttpCodeAndRetryAfter()
    {
        _slack.Script("chat.postMessage", [.. Enumerable.Repeat(FakeSlackResponse.RateLimited(7), 5)]);

        var post = Client.PostMessageAsync(new ChatPostMessageRequest { Channel = "C0CARDS", Text = "card" }, CancellationToken.None);
        var error = await Assert.ThrowsAsync<SlackApiException>(() => AdvanceUntilDoneAsync(post));

        Assert.Equal("ratelimited", error.ErrorCode);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal(5, _slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task PostMessage_OkFalse_ThrowsAndLogsTheErrorCodeWithoutText()
    {
        _slack.Script("chat.postMessage", FakeSlackResponse.Error("channel_not_found"));

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            Client.PostMessageAsync(new ChatPostMessageRequest { Channel = "C0GONE", Text = "secret customer words" }, CancellationToken.None));

        Assert.Equal("channel_not_found", error.ErrorCode);
        Assert.True(error.IsPermanent);
        Assert.Single(_slack.Calls);
        var entry = Assert.Single(_logs.Entries, e => e.EventId.Id == 4510);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("channel_not_found", entry.Message, StringComparison.Ordinal);
        Assert.Contains("chat.postMessage", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("secret customer words", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuthTest_ReturnsBotIdentity()
    {
        var me = await Client.AuthTestAsync(CancellationToken.None);

        Assert.Equal(new SlackIdentity("UBOT", "BBOT", "T0001"), me);
    }

    [Fact]
    public async Task OpenConnection_UsesTheAppTokenInTheHeader()
    {
        var url = await Client.OpenConnectionAsync(CancellationToken.None);

        var call = Assert.Single(_slack.Calls);
        Assert.Equal("Bearer xapp-test-token", call.Authorization);
        Assert.DoesNotContain("xapp", call.Body, StringComparison.Ordinal);
        Assert.Equal("wss", url.Scheme);
    }

    [Fact]
    public async Task UpdateMessage_NonJsonAnswer_IsInvalidResponse()
    {
        _slack.Script("chat.update", new FakeSlackResponse(200, "<html>maintenance</html>"));

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            Client.UpdateMessageAsync(new ChatUpdateRequest { Channel = "C0CARDS", Ts = "1.2", Text = "x" }, CancellationToken.None));

        Assert.Equal("invalid_response", error.ErrorCode);
    }

    public void Dispose()
    {
        _services.Dispose();
        _slack.Dispose();
    }

    // Moves the fake clock in one-second steps until the call (and its backoff waits) finishes; nothing sleeps.
    private async Task<T> AdvanceUntilDoneAsync<T>(Task<T> call)
    {
        for (var step = 0; step < 600 && !call.IsCompleted; step++)
        {
            var before = _slack.Calls.Count;
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(call, _slack.WaitForAsync(_ => true, before + 1, TimeSpan.FromMilliseconds(50)).ContinueWith(_ => { }, TaskScheduler.Default));
        }

        return await call;
    }
}

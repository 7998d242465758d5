using System.Net;
using System.Text;
using System.Text.Json;
using CustomerService.Core.Activities;
using CustomerService.Testing.Slack;

namespace CustomerService.Bot.Tests.Slack;

public sealed class SlackEventsEndpointTests : IAsyncLifetime
{
    private SlackTestHost _host = null!;

    public async Task InitializeAsync() => _host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Events_UrlVerification_AnswersTheChallengeAsJson()
    {
        var body = """{"token":"deprecated","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

        var response = await _host.PostEventAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", json.RootElement.GetProperty("challenge").GetString());
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("missing-signature")]
    [InlineData("missing-timestamp")]
    [InlineData("stale")]
    [InlineData("future")]
    [InlineData("body-changed")]
    [InlineData("v1")]
    public async Task Events_BadSignature_Returns401AndNothingIsProcessed(string fault)
    {
        var json = SlackTestHost.MessageEvent("EvBAD" + fault.Length, "D0BAD", "U0CUST", "hello", "1772443800.000100");
        var bytes = Encoding.UTF8.GetBytes(json);
        var now = _host.Clock.GetUtcNow();
        var request = fault switch
        {
            "wrong-secret" => SlackRequestSigner.SignedPost(Events, bytes, "application/json", "not-the-secret", now),
            "stale" => SlackRequestSigner.SignedPost(Events, bytes, "application/json", SlackTestHost.SigningSecret, now.AddSeconds(-301)),
            "future" => SlackRequestSigner.SignedPost(Events, bytes, "application/json", SlackTestHost.SigningSecret, now.AddMinutes(6)),
            _ => SlackRequestSigner.SignedPost(Events, bytes, "application/json", SlackTestHost.SigningSecret, now),
        };
        switch (fault)
        {
            case "missing-signature":
                request.Headers.Remove("X-Slack-Signature");
                break;
            case "missing-timestamp":
                request.Headers.Remove("X-Slack-Request-Timestamp");
                break;
            case "body-changed":
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json.Replace("hello", "HELLO", StringComparison.Ordinal)));
                break;
            case "v1":
                var signature = request.Headers.GetValues("X-Slack-Signature").Single();
                request.Headers.Remove("X-Slack-Signature");
                request.Headers.Add("X-Slack-Signature", "v1=" + signature[3..]);
                break;
        }

        var response = await _host.Client.SendAsync(request);
        await SendAndAwaitReplyAsync("EvGOOD", "D0GOOD", "1772443801.000100");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await _host.TranscriptAsync("slack:T0001:D0BAD"));
        Assert.DoesNotContain(_host.Slack.Calls, c => c.Field("channel") == "D0BAD");
    }

    [Fact]
    public async Task Events_DirectMessage_AcksAndRepliesInTheMessagesThread()
    {
        var response = await _host.PostEventAsync(SlackTestHost.MessageEvent("Ev1", "D0CUST", "U0CUST", "hello there", "1772443800.000100"));
        var replies = await _host.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Field("channel") == "D0CUST");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1772443800.000100", replies[0].Field("thread_ts"));
        var transcript = await _host.TranscriptAsync("slack:T0001:D0CUST");
        var inbound = Assert.Single(transcript, a => a.Activity.From?.Role == RoleTypes.User);
        Assert.Equal("hello there", inbound.Activity.Text);
        Assert.Equal("slack", inbound.Activity.ChannelId);
        Assert.Equal("U0CUST:T0001", inbound.Activity.From!.Id);
    }

    [Fact]
    public async Task Events_MentionInChannelThread_RepliesInThatThreadWithoutTheMention()
    {
        var json = SlackTestHost.MessageEvent("Ev2", "C0GENERAL", "U0CUST", "<@UBOT> where is my parcel", "1772443805.000200", threadTs: "1772443800.000100", type: "app_mention");

        await _host.PostEventAsync(json);
        var replies = await _host.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Field("channel") == "C0GENERAL");

        Assert.Equal("1772443800.000100", replies[0].Field("thread_ts"));
        var inbound = Assert.Single(await _host.TranscriptAsync("slack:T0001:C0GENERAL:1772443800.000100"), a => a.Activity.From?.Role == RoleTypes.User);
        Assert.Equal("where is my parcel", inbound.Activity.Text);
    }

    [Fact]
    public async Task Events_SlackRetriesTheSameEvent_ProcessedOnce()
    {
        var json = SlackTestHost.MessageEvent("EvRETRY", "D0RETRY", "U0CUST", "hello", "1772443800.000100");

        var first = await _host.PostEventAsync(json);
        var retry1 = await _host.PostEventAsync(json, retryNum: 1);
        var retry2 = await _host.PostEventAsync(json, retryNum: 2);
        await SendAndAwaitReplyAsync("EvRETRYNEXT", "D0RETRY", "1772443810.000100");

        Assert.All([first, retry1, retry2], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var inbound = (await _host.TranscriptAsync("slack:T0001:D0RETRY")).Where(a => a.Activity.From?.Role == RoleTypes.User).ToList();
        Assert.Equal(2, inbound.Count);
        Assert.Single(inbound, a => a.Activity.Text == "hello");
    }

    [Fact]
    public async Task Events_FirstDeliveryAlreadyMarkedAsRetry_IsStillProcessedOnce()
    {
        var json = SlackTestHost.MessageEvent("EvLATE", "D0LATE", "U0CUST", "hello", "1772443800.000100");

        var response = await _host.PostEventAsync(json, retryNum: 3);
        await _host.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Field("channel") == "D0LATE");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await _host.TranscriptAsync("slack:T0001:D0LATE"), a => a.Activity.From?.Role == RoleTypes.User);
    }

    [Fact]
    public async Task Events_AfterRestart_AnEventSeenBeforeIsNotReprocessed()
    {
        var json = SlackTestHost.MessageEvent("EvRESTART", "D0RESTART", "U0CUST", "hello", "1772443800.000100");
        await _host.PostEventAsync(json);
        await _host.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Field("channel") == "D0RESTART");
        var database = _host.Database;
        var slack = _host.Slack;
        await using var keepAlive = SlackTestHost.OpenDatabaseAlias(database);
        await _host.DisposeAsync();

        _host = await SlackTestHost.StartAsync(database: keepAlive);
        var response = await _host.PostEventAsync(json, retryNum: 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await _host.TranscriptAsync("slack:T0001:D0RESTART"), a => a.Activity.From?.Role == RoleTypes.User);
        Assert.Single(slack.Succeeded("chat.postMessage"), c => c.Field("channel") == "D0RESTART");
    }

    [Fact]
    public async Task Events_StoreFailsOnFirstDelivery_Answers503AndSlacksRetryIsProcessed()
    {
        await _host.DisposeAsync();
        _host = await SlackTestHost.StartAsync(configureServices: services => FailingFirstAppendTranscriptStore.Decorate(services, "slack:T0001:D0FLAKY"));
        var json = SlackTestHost.MessageEvent("EvFLAKY", "D0FLAKY", "U0CUST", "hello", "1772443800.000100");

        var first = await _host.PostEventAsync(json);
        var retry = await _host.PostEventAsync(json, retryNum: 1);
        await _host.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Field("channel") == "D0FLAKY");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(await _host.TranscriptAsync("slack:T0001:D0FLAKY"), a => a.Activity.From?.Role == RoleTypes.User);
    }

    [Fact]
    public async Task Events_MentionAndMessageTwinsOfOneMessage_ProcessedOnce()
    {
        var asMessage = SlackTestHost.MessageEvent("EvTWIN1", "D0TWIN", "U0CUST", "<@UBOT> hi", "1772443800.000100");
        var asMention = SlackTestHost.MessageEvent("EvTWIN2", "D0TWIN", "U0CUST", "<@UBOT> hi", "1772443800.000100", type: "app_mention");

        await _host.PostEventAsync(asMessage);
        await _host.PostEventAsync(asMention);
        await SendAndAwaitReplyAsync("EvTWIN3", "D0TWIN", "1772443810.000100");

        Assert.Single(await _host.TranscriptAsync("slack:T0001:D0TWIN"), a => a.Activity.Text == "hi");
    }

    [Fact]
    public async Task Events_BotSelfEditsAndDeletes_AreAckedAndIgnored()
    {
        var events = new[]
        {
            SlackTestHost.MessageEvent("EvN1", "D0NOISE", "U0OTHERBOT", "beep", "1.1", more: new Dictionary<string, object?> { ["bot_id"] = "B0OTHER" }),
            SlackTestHost.MessageEvent("EvN2", "D0NOISE", "UBOT", "our own reply", "1.2"),
            SlackTestHost.MessageEvent("EvN3", "D0NOISE", "U0CUST", "edited", "1.3", more: new Dictionary<string, object?> { ["subtype"] = "message_changed", ["hidden"] = true }),
            SlackTestHost.MessageEvent("EvN4", "D0NOISE", "U0CUST", "gone", "1.4", more: new Dictionary<string, object?> { ["subtype"] = "message_deleted", ["hidden"] = true }),
            SlackTestHost.MessageEvent("EvN5", "D0NOISE", "U0CUST", "joined", "1.5", more: new Dictionary<string, object?> { ["subtype"] = "channel_join" }),
        };

        var statuses = new List<HttpStatusCode>();
        foreach (var json in events)
        {
            statuses.Add((await _host.PostEventAsync(json)).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Empty(await _host.TranscriptAsync("slack:T0001:D0NOISE"));
        Assert.DoesNotContain(_host.Slack.Calls, c => c.Field("channel") == "D0NOISE");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"type":"url_verification"}""")]
    [InlineData("""{"type":"event_callback","event_id":"EvX","event":{"type":"message","text":{"nested":true}}}""")]
    public async Task Events_SignedButMalformed_Returns400NotServerError(string body)
    {
        var response = await _host.PostEventAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("X-Slack-No-Retry").Single());
    }

    [Fact]
    public async Task Events_DeeplyNestedJson_Returns400()
    {
        var body = "{\"type\":\"event_callback\",\"event\":" + string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 500) + "}";

        var response = await _host.PostEventAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Events_InvalidUtf8_IsNotAServerError()
    {
        var bytes = Encoding.UTF8.GetBytes(SlackTestHost.MessageEvent("EvUTF", "D0UTF", "U0CUST", "XX", "1.1"));
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var response = await _host.Client.SendAsync(SlackRequestSigner.SignedPost(Events, bytes, "application/json", SlackTestHost.SigningSecret, _host.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Events_OversizedBody_Returns413()
    {
        var text = new string('a', 2 * 1024 * 1024);

        var response = await _host.PostEventAsync(SlackTestHost.MessageEvent("EvBIG", "D0BIG", "U0CUST", text, "1.1"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await _host.TranscriptAsync("slack:T0001:D0BIG"));
    }

    [Fact]
    public async Task Events_UnicodeHeavyAndHostileText_IsStoredVerbatimAndRepliesAreEscaped()
    {
        const string text = "👨‍👩‍👧 مرحبا &lt;script&gt;alert(1)&lt;/script&gt; \u200b ÿ";

        await _host.PostEventAsync(SlackTestHost.MessageEvent("EvUNI", "D0UNI", "U0CUST", text, "1772443800.000100"));
        var replies = await _host.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Field("channel") == "D0UNI");

        var inbound = Assert.Single(await _host.TranscriptAsync("slack:T0001:D0UNI"), a => a.Activity.From?.Role == RoleTypes.User);
        Assert.Equal("👨‍👩‍👧 مرحبا <script>alert(1)</script> \u200b ÿ", inbound.Activity.Text);
        Assert.All(replies, r => Assert.DoesNotContain("<script>", r.Text, StringComparison.Ordinal));
    }

    private static Uri Events => new("/api/slack/events", UriKind.Relative);

    // A later message in its own thread: once its reply is out, the work queued before it is done too.
    private async Task SendAndAwaitReplyAsync(string eventId, string channel, string ts)
    {
        var response = await _host.PostEventAsync(SlackTestHost.MessageEvent(eventId, channel, "U0CUST", "are you there " + eventId, ts));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _host.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Ok && c.Field("channel") == channel && c.Field("thread_ts") == ts);
    }
}

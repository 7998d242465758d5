using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerService.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineStreamTests : IDisposable
{
    private readonly BotApplication _app = new();
    private readonly DirectLineTestClient _client;

    public DirectLineStreamTests() => _client = new DirectLineTestClient(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Start_Twice_Returns201ThenSameConversationWith200()
    {
        var (conversationId, token) = await _client.GenerateTokenAsync();

        using var first = await _client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, null);
        using var second = await _client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, null);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = await DirectLineTestClient.ReadJsonAsync(second);
        Assert.Equal(conversationId, body["conversationId"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["token"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Start_ReturnsAbsoluteStreamUrlWithStreamTokenAndWatermark()
    {
        var conversation = await _client.StartAsync();

        var url = new Uri(conversation.StreamUrl);

        Assert.Equal("ws", url.Scheme);
        Assert.Equal($"/v3/directline/conversations/{conversation.ConversationId}/stream", url.AbsolutePath);
        Assert.Contains("t=", url.Query, StringComparison.Ordinal);
        Assert.Contains("watermark=0", url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_ReplaysWelcomeSentBeforeSocketOpened()
    {
        var conversation = await _client.StartAsync();
        var (polled, _) = await WaitForPollAsync(conversation, a => a["from"]?["role"]?.GetValue<string>() == "bot");

        await using var stream = await _client.OpenStreamAsync(conversation.StreamUrl);
        var welcome = await stream.WaitForAsync(a => a["from"]?["role"]?.GetValue<string>() == "bot");

        Assert.Equal(polled["id"]!.GetValue<string>(), welcome["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Welcome_IsSentOnce_EvenWhenJoinEventFollowsStart()
    {
        var conversation = await _client.StartAsync();
        await using var stream = await _client.OpenStreamAsync(conversation.StreamUrl);
        await stream.WaitForAsync(a => a["from"]?["role"]?.GetValue<string>() == "bot");

        using var join = await _client.PostActivityAsync(conversation.ConversationId, conversation.Token, new JsonObject
        {
            ["type"] = "event",
            ["name"] = "webchat/join",
            ["value"] = new JsonObject { ["language"] = "en-US" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = "join-1" },
        });
        var messageId = await _client.SendMessageAsync(conversation.ConversationId, conversation.Token, "hello", "after-join");
        await stream.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == messageId);

        Assert.Equal(HttpStatusCode.OK, join.StatusCode);
        var joinEcho = await stream.WaitForAsync(a => DirectLineActivityTests.ClientActivityId(a) == "join-1");
        Assert.Equal("event", joinEcho["type"]!.GetValue<string>());
        var joinId = joinEcho["id"]!.GetValue<string>();
        Assert.DoesNotContain(stream.Activities, a => a["replyToId"]?.GetValue<string>() == joinId);
        var welcomeMessages = stream.Activities.Count(a => a["from"]?["role"]?.GetValue<string>() == "bot" && a["replyToId"] is null);
        Assert.InRange(welcomeMessages, 1, 3);
    }

    [Fact]
    public async Task Stream_TypingPrecedesReplyAndNeverFollowsIt()
    {
        var conversation = await _client.StartAsync();

        // Typing is never stored, so only a live subscription sees it, and a busy server may subscribe a moment after
        // the handshake returns. It subscribes before it replays: replaying the history and seeing the welcome
        // proves the subscription is live (an empty watermark replays from the start).
        await using var stream = await _client.OpenStreamAsync(conversation.StreamUrl + "&watermark=");
        await stream.WaitForAsync(a => a["from"]?["role"]?.GetValue<string>() == "bot" && a["replyToId"] is null);
        var first = await _client.SendMessageAsync(conversation.ConversationId, conversation.Token, "first question", "q-1");
        await stream.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == first && a["type"]!.GetValue<string>() == "message");

        await _client.SendMessageAsync(conversation.ConversationId, conversation.Token, "second question", "q-2");
        await stream.WaitForAsync(a => DirectLineActivityTests.ClientActivityId(a) == "q-2");

        var activities = stream.Activities;
        var reply = activities.FindIndex(a => a["replyToId"]?.GetValue<string>() == first && a["type"]!.GetValue<string>() == "message");
        var nextEcho = activities.FindIndex(a => DirectLineActivityTests.ClientActivityId(a) == "q-2");
        var typing = activities.FindIndex(DirectLineActivityTests.IsTyping);
        Assert.InRange(typing, 0, reply - 1);
        Assert.DoesNotContain(activities.Skip(reply + 1).Take(nextEcho - reply - 1), DirectLineActivityTests.IsTyping);
        var typingFrame = stream.Frames.First(f => f.Contains("\"typing\"", StringComparison.Ordinal));
        Assert.Null(JsonNode.Parse(typingFrame)!["watermark"]);
    }

    [Fact]
    public async Task Resume_EmptyWatermark_ReplaysWholeHistoryWithSameIds()
    {
        var conversation = await _client.StartAsync();
        var id = await ChatOnceAsync(conversation, "history please", "h-1");
        var (history, _) = await _client.PollAsync(conversation.ConversationId, conversation.Token, string.Empty);

        var resumed = await ResumeAsync(conversation, "?watermark=");
        await using var stream = await _client.OpenStreamAsync(resumed);
        await stream.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == id);

        Assert.Equal(history.Select(a => a!["id"]!.GetValue<string>()), stream.Activities.Select(a => a["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Resume_WithoutWatermark_ReplaysNothingOld()
    {
        var conversation = await _client.StartAsync();
        await ChatOnceAsync(conversation, "old message", "old-1");

        var resumed = await ResumeAsync(conversation, string.Empty);
        await using var stream = await _client.OpenStreamAsync(resumed);
        await _client.SendMessageAsync(conversation.ConversationId, conversation.Token, "new message", "new-1");
        var firstFrame = await stream.WaitForAsync(_ => true);

        Assert.Equal("new-1", DirectLineActivityTests.ClientActivityId(firstFrame));
    }

    [Fact]
    public async Task Resume_AtWatermark_ReplaysOnlyLaterActivities()
    {
        var conversation = await _client.StartAsync();
        await ChatOnceAsync(conversation, "one", "w-1");
        var (_, watermark) = await _client.PollAsync(conversation.ConversationId, conversation.Token, string.Empty);
        var second = await ChatOnceAsync(conversation, "two", "w-2");
        var (expected, _) = await _client.PollAsync(conversation.ConversationId, conversation.Token, watermark);

        var resumed = await ResumeAsync(conversation, $"?watermark={watermark}");
        await using var stream = await _client.OpenStreamAsync(resumed);
        await stream.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == second);

        Assert.Equal(expected.Select(a => a!["id"]!.GetValue<string>()), stream.Activities.Select(a => a["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Resume_UnknownConversationWithSecret_Returns404()
    {
        using var response = await _client.GetAsync("/v3/directline/conversations/BBBBBBBBBBBBBBBBBBBBBB?watermark=", BotApplication.Secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task NewerSocket_ReplacesOlder()
    {
        var conversation = await _client.StartAsync();
        await using var older = await _client.OpenStreamAsync(conversation.StreamUrl);
        await older.WaitForAsync(a => a["from"]?["role"]?.GetValue<string>() == "bot");

        await using var newer = await _client.OpenStreamAsync(await ResumeAsync(conversation, "?watermark="));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        List<JsonObject>? frame;
        do
        {
            frame = await older.ReceiveFrameAsync(timeout.Token);
        }
        while (frame is not null);
        var id = await _client.SendMessageAsync(conversation.ConversationId, conversation.Token, "still there?", "n-1");

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, older.Socket.CloseStatus);
        Assert.Equal("collision", older.Socket.CloseStatusDescription);
        Assert.Equal(id, (await newer.WaitForAsync(a => DirectLineActivityTests.ClientActivityId(a) == "n-1"))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stream_InboundFramesAreReadAndIgnored()
    {
        var conversation = await _client.StartAsync();
        await using var stream = await _client.OpenStreamAsync(conversation.StreamUrl);

        await stream.Socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, CancellationToken.None);
        await stream.Socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"sneaky\"}"), WebSocketMessageType.Text, true, CancellationToken.None);
        var id = await _client.SendMessageAsync(conversation.ConversationId, conversation.Token, "real", "r-1");

        var echo = await stream.WaitForAsync(a => DirectLineActivityTests.ClientActivityId(a) == "r-1");
        Assert.Equal(id, echo["id"]!.GetValue<string>());
        Assert.DoesNotContain(stream.Activities, a => a["text"]?.GetValue<string>() == "sneaky");
    }

    [Fact]
    public async Task Stream_EveryFrameIsActivitySetOrEmpty()
    {
        var conversation = await _client.StartAsync();
        await using var stream = await _client.OpenStreamAsync(conversation.StreamUrl);

        await ChatOnceAsync(conversation, "frames", "f-1", stream);

        Assert.All(stream.Frames.Where(f => f.Length > 0), f => Assert.IsType<JsonArray>(JsonNode.Parse(f)!["activities"]));
    }

    [Theory]
    [InlineData("bad-token")]
    [InlineData("")]
    public async Task Stream_InvalidStreamToken_Returns403(string token)
    {
        var conversation = await _client.StartAsync();

        using var response = await _client.GetAsync($"/v3/directline/conversations/{conversation.ConversationId}/stream?t={token}", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Stream_ConversationTokenInsteadOfStreamToken_Returns403()
    {
        var conversation = await _client.StartAsync();

        using var response = await _client.GetAsync($"/v3/directline/conversations/{conversation.ConversationId}/stream?t={conversation.Token}", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Stream_StreamUrlOlderThanItsLifetime_Returns403TokenExpired()
    {
        var conversation = await _client.StartAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        var path = new Uri(conversation.StreamUrl).PathAndQuery;

        using var response = await _client.GetAsync(path, null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TokenExpired", DirectLineTestClient.ReadError(await DirectLineTestClient.ReadJsonAsync(response)).Code);
    }

    private async Task<string> ChatOnceAsync(StartedConversation conversation, string text, string clientActivityId, DirectLineTestSocket? stream = null)
    {
        if (stream is null)
        {
            var resumed = await ResumeAsync(conversation, string.Empty);
            await using var own = await _client.OpenStreamAsync(resumed);
            return await ChatOnceAsync(conversation, text, clientActivityId, own);
        }

        var id = await _client.SendMessageAsync(conversation.ConversationId, conversation.Token, text, clientActivityId);
        await stream.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == id && a["type"]!.GetValue<string>() == "message");
        return id;
    }

    private async Task<string> ResumeAsync(StartedConversation conversation, string query)
    {
        using var response = await _client.GetAsync($"/v3/directline/conversations/{conversation.ConversationId}{query}", conversation.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineTestClient.ReadJsonAsync(response);
        Assert.False(string.IsNullOrEmpty(body["token"]!.GetValue<string>()));
        return body["streamUrl"]!.GetValue<string>();
    }

    private async Task<(JsonObject Activity, string Watermark)> WaitForPollAsync(StartedConversation conversation, Func<JsonObject, bool> predicate)
    {
        // The welcome is committed by the turn worker; a resumed socket tells us when without sleeping.
        var resumed = await ResumeAsync(conversation, "?watermark=");
        await using (var stream = await _client.OpenStreamAsync(resumed))
        {
            await stream.WaitForAsync(predicate);
        }

        var (activities, watermark) = await _client.PollAsync(conversation.ConversationId, conversation.Token, string.Empty);
        return (activities.Select(a => a!.AsObject()).First(predicate), watermark);
    }
}

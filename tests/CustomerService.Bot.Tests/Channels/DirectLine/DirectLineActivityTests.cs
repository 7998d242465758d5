using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CustomerService.Bot.Tests.Channels.DirectLine;

public sealed partial class DirectLineActivityTests : IDisposable
{
    private readonly BotApplication _app = new();
    private readonly DirectLineTestClient _client;

    public DirectLineActivityTests() => _client = new DirectLineTestClient(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Post_Message_EchoHasIdAndUnchangedChannelData()
    {
        var conversation = await _client.StartAsync();
        await using var stream = await _client.OpenStreamAsync(conversation.StreamUrl);
        var sent = DirectLineTestClient.Message("Where is my order?", "client-1");

        using var response = await _client.PostActivityAsync(conversation.ConversationId, conversation.Token, sent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await DirectLineTestClient.ReadJsonAsync(response))["id"]!.GetValue<string>();
        var echo = await stream.WaitForAsync(a => ClientActivityId(a) == "client-1");
        Assert.Equal(id, echo["id"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(sent["channelData"], echo["channelData"]));
        Assert.Equal("Where is my order?", echo["text"]!.GetValue<string>());
        Assert.Matches(UtcTimestamp(), echo["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_ForgedSender_IsPinnedToTokenUserAsUser()
    {
        var conversation = await _client.StartAsync("customer-9");
        await using var stream = await _client.OpenStreamAsync(conversation.StreamUrl);
        var sent = DirectLineTestClient.Message("hello", "client-forged");
        sent["from"] = new JsonObject { ["id"] = "customerservice-bot", ["role"] = "bot" };

        await _client.PostActivityAsync(conversation.ConversationId, conversation.Token, sent);

        var echo = await stream.WaitForAsync(a => ClientActivityId(a) == "client-forged");
        Assert.Equal("customer-9", echo["from"]!["id"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reply_HasReplyToIdBotSenderAndNoClientChannelData()
    {
        var conversation = await _client.StartAsync();
        await using var stream = await _client.OpenStreamAsync(conversation.StreamUrl);

        var id = await _client.SendMessageAsync(conversation.ConversationId, conversation.Token, "hi there", "client-2");

        var reply = await stream.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == id && a["type"]!.GetValue<string>() == "message");
        Assert.Equal("bot", reply["from"]!["role"]!.GetValue<string>());
        Assert.NotEqual(conversation.ConversationId, reply["from"]!["id"]!.GetValue<string>());
        Assert.Null(ClientActivityId(reply));
        Assert.Matches(UtcTimestamp(), reply["timestamp"]!.GetValue<string>());
        Assert.Equal(conversation.ConversationId, reply["conversation"]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(stream.Frames, frame => frame.Contains(":null", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_SameIdsAndOrderAsStream_AndWatermarkAdvancesWithoutDuplicates()
    {
        var conversation = await _client.StartAsync();
        await using var stream = await _client.OpenStreamAsync(conversation.StreamUrl);
        var first = await _client.SendMessageAsync(conversation.ConversationId, conversation.Token, "first", "c-1");
        await stream.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == first);

        var (all, watermark) = await _client.PollAsync(conversation.ConversationId, conversation.Token, string.Empty);
        var (more, nextWatermark) = await _client.PollAsync(conversation.ConversationId, conversation.Token, watermark);
        var second = await _client.SendMessageAsync(conversation.ConversationId, conversation.Token, "second", "c-2");
        await stream.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == second);
        var (fresh, lastWatermark) = await _client.PollAsync(conversation.ConversationId, conversation.Token, nextWatermark);
        var lastPolled = fresh[^1]!["id"]!.GetValue<string>();
        await stream.WaitForAsync(a => a["id"]?.GetValue<string>() == lastPolled);

        var polled = Ids(all).Concat(Ids(more)).Concat(Ids(fresh)).ToList();
        Assert.Equal(polled.Count, polled.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(second, Ids(fresh));
        Assert.Equal(Ids(stream.Activities.Where(a => !IsTyping(a))).Take(polled.Count), polled);
        Assert.True(Number(watermark) <= Number(nextWatermark) && Number(nextWatermark) < Number(lastWatermark));
        Assert.Equal(more.Count == 0, watermark == nextWatermark);
    }

    [Fact]
    public async Task BotActivities_ReplyOnlyToActivitiesTheClientHas()
    {
        var conversation = await _client.StartAsync();
        await using var stream = await _client.OpenStreamAsync(conversation.StreamUrl);
        var id = await _client.SendMessageAsync(conversation.ConversationId, conversation.Token, "hello", "c-reply-to");
        await stream.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == id);

        var (activities, _) = await _client.PollAsync(conversation.ConversationId, conversation.Token, string.Empty);

        // G7: Web Chat holds a reply up to 5 s when its replyToId names an activity it never received.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activity in activities.Select(a => a!.AsObject()))
        {
            if (activity["replyToId"]?.GetValue<string>() is { } replyTo)
            {
                Assert.Contains(replyTo, seen);
            }

            seen.Add(activity["id"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Poll_NeverReturnsTypingOrConversationUpdate()
    {
        var conversation = await _client.StartAsync();
        await using var stream = await _client.OpenStreamAsync(conversation.StreamUrl);
        var id = await _client.SendMessageAsync(conversation.ConversationId, conversation.Token, "hello", "c-typing");
        await stream.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == id);

        var (activities, _) = await _client.PollAsync(conversation.ConversationId, conversation.Token, string.Empty);

        Assert.DoesNotContain(activities, a => a!["type"]!.GetValue<string>() is "typing" or "conversationUpdate");
    }

    [Fact]
    public async Task Post_Oversized_Returns413WithLimitAndStoresNothing()
    {
        var (conversation, socket) = await _client.StartSettledAsync();
        await using var welcomed = socket;
        var (_, before) = await _client.PollAsync(conversation.ConversationId, conversation.Token, string.Empty);
        var huge = DirectLineTestClient.Message(new string('x', 300_001), "c-huge");

        using var response = await _client.PostActivityAsync(conversation.ConversationId, conversation.Token, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var (code, message) = DirectLineTestClient.ReadError(await DirectLineTestClient.ReadJsonAsync(response));
        Assert.Equal("MessageSizeTooBig", code);
        Assert.Contains("the limit is 300000 characters", message, StringComparison.Ordinal);
        var (after, afterWatermark) = await _client.PollAsync(conversation.ConversationId, conversation.Token, before);
        Assert.Empty(after);
        Assert.Equal(before, afterWatermark);
    }

    [Fact]
    public async Task Post_MultiByteTextOverLimit_Returns413()
    {
        var conversation = await _client.StartAsync();
        var emoji = string.Concat(Enumerable.Repeat("😀", 150_001));

        using var response = await _client.PostActivityAsync(conversation.ConversationId, conversation.Token, DirectLineTestClient.Message(emoji, "c-emoji"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_LongPastedEmail_IsAccepted()
    {
        var conversation = await _client.StartAsync();
        var email = string.Join("\n", Enumerable.Repeat("Dear support, my parcel 00123842 has not arrived — ça ne va pas. ", 80));

        using var response = await _client.PostActivityAsync(conversation.ConversationId, conversation.Token, DirectLineTestClient.Message(email, "c-long"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",", "BadArgument")]
    [InlineData("[1,2,3]", "BadArgument")]
    [InlineData("{\"text\":\"no type\"}", "MissingProperty")]
    [InlineData("{\"type\":\"\"}", "MissingProperty")]
    [InlineData("{\"type\":\"event\"}", "MissingProperty")]
    [InlineData("{\"type\":\"message\",\"text\":42}", "BadArgument")]
    [InlineData("{\"type\":\"conversationUpdate\"}", "BadArgument")]
    [InlineData("", "BadArgument")]
    public async Task Post_BadActivity_Returns400WithDirectLineError(string body, string expectedCode)
    {
        var conversation = await _client.StartAsync();

        using var response = await _client.PostRawAsync($"/v3/directline/conversations/{conversation.ConversationId}/activities", conversation.Token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expectedCode, DirectLineTestClient.ReadError(await DirectLineTestClient.ReadJsonAsync(response)).Code);
    }

    [Fact]
    public async Task Post_InvalidUtf8_Returns400()
    {
        var conversation = await _client.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/activities")
        {
            Content = new ByteArrayContent([.. "{\"type\":\"message\",\"text\":\""u8, 0xC3, 0x28, .. "\"}"u8]),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", conversation.Token);

        using var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_Attachment_Returns400UploadNotSupported()
    {
        var conversation = await _client.StartAsync();
        var sent = DirectLineTestClient.Message("see file", "c-att");
        sent["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "https://example.invalid/a.png" });

        using var response = await _client.PostActivityAsync(conversation.ConversationId, conversation.Token, sent);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UploadNotSupported", DirectLineTestClient.ReadError(await DirectLineTestClient.ReadJsonAsync(response)).Code);
    }

    [Fact]
    public async Task Upload_Returns415SayingNotSupportedYet()
    {
        var conversation = await _client.StartAsync();

        using var response = await _client.PostRawAsync(
            $"/v3/directline/conversations/{conversation.ConversationId}/upload?userId=x", conversation.Token, "--b--", "multipart/form-data; boundary=b");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var (code, message) = DirectLineTestClient.ReadError(await DirectLineTestClient.ReadJsonAsync(response));
        Assert.Equal("UploadNotSupported", code);
        Assert.Contains("not supported yet", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Typing_IsAcknowledgedButNotStored()
    {
        var (conversation, socket) = await _client.StartSettledAsync();
        await using var welcomed = socket;
        var (_, before) = await _client.PollAsync(conversation.ConversationId, conversation.Token, string.Empty);

        using var response = await _client.PostActivityAsync(conversation.ConversationId, conversation.Token, new JsonObject { ["type"] = "typing" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await DirectLineTestClient.ReadJsonAsync(response))["id"]!.GetValue<string>()));
        var (after, _) = await _client.PollAsync(conversation.ConversationId, conversation.Token, before);
        Assert.Empty(after);
    }

    [Fact]
    public async Task Post_HtmlText_IsStoredLiterallyAsPlainText()
    {
        var conversation = await _client.StartAsync();
        await using var stream = await _client.OpenStreamAsync(conversation.StreamUrl);
        const string Hostile = "Hi <img src=x onerror=alert(1)> \u202e\u0000 <script>x</script>";

        await _client.SendMessageAsync(conversation.ConversationId, conversation.Token, Hostile, "c-html");

        var echo = await stream.WaitForAsync(a => ClientActivityId(a) == "c-html");
        Assert.Equal(Hostile.Replace("\0", string.Empty, StringComparison.Ordinal), echo["text"]!.GetValue<string>());
        Assert.Equal("plain", echo["textFormat"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenForA_CannotReadOrPostToB()
    {
        var a = await _client.StartAsync();
        var b = await _client.StartAsync();

        using var read = await _client.GetAsync($"/v3/directline/conversations/{b.ConversationId}/activities", a.Token);
        using var post = await _client.PostActivityAsync(b.ConversationId, a.Token, DirectLineTestClient.Message("intrude", "c-x"));
        using var resume = await _client.GetAsync($"/v3/directline/conversations/{b.ConversationId}?watermark=", a.Token);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resume.StatusCode);
        var (activities, _) = await _client.PollAsync(b.ConversationId, b.Token, string.Empty);
        Assert.DoesNotContain(activities, x => ClientActivityId(x!.AsObject()) == "c-x");
    }

    [Fact]
    public async Task Secret_MayReadAnyConversation()
    {
        var conversation = await _client.StartAsync();

        using var response = await _client.GetAsync($"/v3/directline/conversations/{conversation.ConversationId}/activities?watermark=", BotApplication.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownConversation_WithSecret_Returns404()
    {
        using var poll = await _client.GetAsync("/v3/directline/conversations/AAAAAAAAAAAAAAAAAAAAAA/activities", BotApplication.Secret);
        using var post = await _client.PostActivityAsync("AAAAAAAAAAAAAAAAAAAAAA", BotApplication.Secret, DirectLineTestClient.Message("x", "c"));

        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("ConversationNotFound", DirectLineTestClient.ReadError(await DirectLineTestClient.ReadJsonAsync(poll)).Code);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("99999999999999999999999")]
    public async Task Poll_NonsenseWatermark_Returns400NotServerError(string watermark)
    {
        var conversation = await _client.StartAsync();

        using var response = await _client.GetAsync(
            $"/v3/directline/conversations/{conversation.ConversationId}/activities?watermark={Uri.EscapeDataString(watermark)}", conversation.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Poll_WatermarkBeyondEnd_Returns200EmptyWithSameWatermark()
    {
        var conversation = await _client.StartAsync();

        var (activities, watermark) = await _client.PollAsync(conversation.ConversationId, conversation.Token, "1000");

        Assert.Empty(activities);
        Assert.Equal("1000", watermark);
    }

    [Fact]
    public async Task CorsPreflight_AllowsDirectLineHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", "https://shop.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");

        using var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToUpperInvariant();
        Assert.Contains("AUTHORIZATION", allowed, StringComparison.Ordinal);
        Assert.Contains("CONTENT-TYPE", allowed, StringComparison.Ordinal);
        Assert.Contains("X-MS-BOT-AGENT", allowed, StringComparison.Ordinal);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    internal static string? ClientActivityId(JsonObject activity) => activity["channelData"]?["clientActivityID"]?.GetValue<string>();

    internal static bool IsTyping(JsonObject activity) => activity["type"]!.GetValue<string>() == "typing";

    private static long Number(string watermark) => long.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Ids(IEnumerable<JsonNode?> activities) => activities.Select(a => a!["id"]!.GetValue<string>()).ToList();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")]
    private static partial Regex UtcTimestamp();
}

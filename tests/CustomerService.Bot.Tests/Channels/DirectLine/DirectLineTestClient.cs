using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerService.Bot.Tests.Channels.DirectLine;

/// <summary>Speaks Direct Line 3.0 to the in-memory host the way DLJS does, and reads answers as raw JSON.</summary>
public sealed class DirectLineTestClient(BotApplication app)
{
    private readonly HttpClient _http = app.CreateClient();

    public async Task<(string ConversationId, string Token)> GenerateTokenAsync(string? userId = null)
    {
        var body = userId is null ? null : new JsonObject { ["user"] = new JsonObject { ["id"] = userId } };
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", BotApplication.Secret, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await ReadJsonAsync(response);
        return (json["conversationId"]!.GetValue<string>(), json["token"]!.GetValue<string>());
    }

    /// <summary>Generates a token and starts its conversation; returns the start response.</summary>
    public async Task<StartedConversation> StartAsync(string? userId = null)
    {
        var (conversationId, token) = await GenerateTokenAsync(userId);
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, new JsonObject { ["user"] = new JsonObject() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await ReadJsonAsync(response);
        return new StartedConversation(conversationId, json["token"]!.GetValue<string>(), json["streamUrl"]!.GetValue<string>());
    }

    /// <summary>Starts a conversation and waits on its socket until the welcome is committed, so later reads see a settled log.</summary>
    public async Task<(StartedConversation Conversation, DirectLineTestSocket Socket)> StartSettledAsync()
    {
        var conversation = await StartAsync();
        var socket = await OpenStreamAsync(conversation.StreamUrl);
        await socket.WaitForAsync(a => a["from"]?["role"]?.GetValue<string>() == "bot");
        return (conversation, socket);
    }

    public Task<HttpResponseMessage> PostActivityAsync(string conversationId, string credential, JsonNode activity) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", credential, activity);

    public Task<HttpResponseMessage> PostRawAsync(string path, string credential, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return _http.SendAsync(request);
    }

    /// <summary>Posts a message as Web Chat does and returns the id from the 200 answer.</summary>
    public async Task<string> SendMessageAsync(string conversationId, string token, string text, string clientActivityId)
    {
        using var response = await PostActivityAsync(conversationId, token, Message(text, clientActivityId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response))["id"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? credential) => SendAsync(HttpMethod.Get, path, credential, null);

    public async Task<(JsonArray Activities, string Watermark)> PollAsync(string conversationId, string token, string? watermark)
    {
        var query = watermark is null ? string.Empty : $"?watermark={Uri.EscapeDataString(watermark)}";
        using var response = await GetAsync($"/v3/directline/conversations/{conversationId}/activities{query}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await ReadJsonAsync(response);
        return (json["activities"]!.AsArray(), json["watermark"]!.GetValue<string>());
    }

    public async Task<DirectLineTestSocket> OpenStreamAsync(string streamUrl)
    {
        var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        return new DirectLineTestSocket(socket);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credential, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        request.Headers.TryAddWithoutValidation("x-ms-bot-agent", "DirectLine/3.0 (directlinejs 0.15.5)");
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return await _http.SendAsync(request);
    }

    public static JsonObject Message(string text, string clientActivityId) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = "r_whatever", ["name"] = "Ada", ["role"] = "user" },
        ["locale"] = "en-US",
        ["localTimestamp"] = "2026-03-02T10:30:00.000+01:00",
        ["localTimezone"] = "Europe/Paris",
        ["channelId"] = "webchat",
        ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId, ["nested"] = new JsonObject { ["n"] = 1.50, ["s"] = "ü😀" } },
    };

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)!.AsObject();
    }

    public static (string Code, string Message) ReadError(JsonObject body) =>
        (body["error"]!["code"]!.GetValue<string>(), body["error"]!["message"]!.GetValue<string>());

    public static string Serialize(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}

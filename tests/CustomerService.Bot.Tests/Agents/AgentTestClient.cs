using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CustomerService.Bot.Tests.Channels.DirectLine;

namespace CustomerService.Bot.Tests.Agents;

/// <summary>A browser session on the agent console: its own cookies, sign-in with antiforgery, JSON helpers.</summary>
internal sealed class AgentTestClient(BotApplication app)
{
    public const string TokenHeader = "RequestVerificationToken";

    public HttpClient Http { get; } = app.CreateClient();

    /// <summary>The antiforgery token of the signed-in session, sent on every POST.</summary>
    public string? Token { get; private set; }

    public static async Task<AgentTestClient> SignedInAsync(BotApplication app, string userName, string password)
    {
        var client = new AgentTestClient(app);
        using var response = await client.LoginAsync(userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        client.Token = (await ReadJsonAsync(response))["antiforgeryToken"]!.GetValue<string>();
        return client;
    }

    public async Task<string> GetLoginTokenAsync()
    {
        var json = await Http.GetFromJsonAsync<JsonObject>("/api/agent/antiforgery");
        Assert.Equal(TokenHeader, json!["headerName"]!.GetValue<string>());
        return json["token"]!.GetValue<string>();
    }

    public async Task<HttpResponseMessage> LoginAsync(string userName, string password, bool withToken = true)
    {
        var token = withToken ? await GetLoginTokenAsync() : null;
        return await PostAsync("/api/agent/login", new JsonObject { ["userName"] = userName, ["password"] = password }, token);
    }

    public Task<HttpResponseMessage> PostAsync(string path, JsonNode? body = null, string? token = null) =>
        PostRawAsync(path, body?.ToJsonString() ?? "{}", "application/json", token ?? Token);

    public Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (token is not null)
        {
            request.Headers.Add(TokenHeader, token);
        }

        return Http.SendAsync(request);
    }

    public async Task<JsonObject> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public Task<HttpResponseMessage> ClaimAsync(string conversationId) => PostAsync($"/api/agent/conversations/{Uri.EscapeDataString(conversationId)}/claim");

    public Task<HttpResponseMessage> ResolveAsync(string conversationId) => PostAsync($"/api/agent/conversations/{Uri.EscapeDataString(conversationId)}/resolve");

    public Task<HttpResponseMessage> ReplyAsync(string conversationId, string text) =>
        PostAsync($"/api/agent/conversations/{Uri.EscapeDataString(conversationId)}/reply", new JsonObject { ["text"] = text });

    public async Task<List<string>> QueueAsync(string view) =>
        [.. (await GetJsonAsync($"/api/agent/queue?view={view}"))["items"]!.AsArray().Select(i => i!["conversationId"]!.GetValue<string>())];

    public static Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) => DirectLineTestClient.ReadJsonAsync(response);
}

using System.Text.Json.Nodes;

namespace CustomerService.Bot.Tests.Security;

/// <summary>Calls the admin API with a key (the configured admin key unless a test passes another, or null for none).</summary>
internal sealed class AdminTestClient(BotApplication app, string? key = SecurityTestSettings.AdminKey)
{
    private readonly HttpClient _http = app.CreateClient();

    public Task<HttpResponseMessage> FindAsync(string channelId, string userId) =>
        SendAsync(HttpMethod.Get, $"/api/admin/customers?channelId={Uri.EscapeDataString(channelId)}&userId={Uri.EscapeDataString(userId)}");

    public Task<HttpResponseMessage> ExportAsync(string customerId) =>
        SendAsync(HttpMethod.Get, $"/api/admin/customers/{Uri.EscapeDataString(customerId)}/export");

    public Task<HttpResponseMessage> EraseAsync(string customerId) =>
        SendAsync(HttpMethod.Delete, $"/api/admin/customers/{Uri.EscapeDataString(customerId)}");

    public Task<HttpResponseMessage> RetentionAsync(int? olderThanDays) =>
        SendAsync(HttpMethod.Post, "/api/admin/retention" + (olderThanDays is { } days ? $"?olderThanDays={days}" : string.Empty));

    /// <summary>The customer id behind a Web Chat user, asserting the lookup succeeds.</summary>
    public async Task<string> CustomerIdOfAsync(string webChatUserId)
    {
        using var response = await FindAsync("webchat", webChatUserId);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response))["customerId"]!.GetValue<string>();
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await _http.SendAsync(request);
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}

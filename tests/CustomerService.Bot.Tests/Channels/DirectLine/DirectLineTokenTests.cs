using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerService.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineTokenTests : IDisposable
{
    private readonly BotApplication _app = new();
    private readonly DirectLineTestClient _client;

    public DirectLineTokenTests() => _client = new DirectLineTestClient(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Generate_WithSecret_ReturnsJwtWithConversationAndUserClaims()
    {
        using var response = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", BotApplication.Secret,
            new JsonObject { ["user"] = new JsonObject { ["id"] = "customer-42", ["name"] = "Ada" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineTestClient.ReadJsonAsync(response);
        var claims = DecodePayload(body["token"]!.GetValue<string>());
        Assert.Equal(body["conversationId"]!.GetValue<string>(), claims["conv"]!.GetValue<string>());
        Assert.Equal("customer-42", claims["user"]!.GetValue<string>());
        Assert.Equal(1800, body["expires_in"]!.GetValue<int>());
    }

    [Fact]
    public async Task Generate_WithoutUser_PinsGeneratedDlUser()
    {
        var (_, token) = await _client.GenerateTokenAsync();

        var user = DecodePayload(token)["user"]!.GetValue<string>();

        Assert.StartsWith("dl_", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_WithToken_IsForbidden()
    {
        var (_, token) = await _client.GenerateTokenAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", token, null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-secret")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJjb252IjoiYWFhYWFhYWFhYSJ9.")]
    public async Task Generate_WithoutValidCredential_Returns403WithErrorBody(string? credential)
    {
        using var response = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", credential, null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var (code, _) = DirectLineTestClient.ReadError(await DirectLineTestClient.ReadJsonAsync(response));
        Assert.False(string.IsNullOrEmpty(code));
    }

    [Fact]
    public async Task Generate_HostileUserId_Returns400()
    {
        using var response = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", BotApplication.Secret,
            new JsonObject { ["user"] = new JsonObject { ["id"] = "<script>alert(1)</script>" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", DirectLineTestClient.ReadError(await DirectLineTestClient.ReadJsonAsync(response)).Code);
    }

    [Fact]
    public async Task Refresh_WithToken_ReturnsNewTokenForSameConversationAndUser()
    {
        var (conversationId, token) = await _client.GenerateTokenAsync("customer-7");
        _app.Clock.Advance(TimeSpan.FromMinutes(15));

        using var response = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await DirectLineTestClient.ReadJsonAsync(response);
        var refreshed = body["token"]!.GetValue<string>();
        Assert.NotEqual(token, refreshed);
        Assert.Equal(conversationId, body["conversationId"]!.GetValue<string>());
        Assert.Equal("customer-7", DecodePayload(refreshed)["user"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_ExpiredToken_Returns403TokenExpired()
    {
        var (_, token) = await _client.GenerateTokenAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(31));

        using var response = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token, null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TokenExpired", DirectLineTestClient.ReadError(await DirectLineTestClient.ReadJsonAsync(response)).Code);
    }

    [Fact]
    public async Task ExpiredToken_OnPoll_Returns403TokenExpired()
    {
        var conversation = await _client.StartAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(31));

        using var response = await _client.GetAsync($"/v3/directline/conversations/{conversation.ConversationId}/activities", conversation.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TokenExpired", DirectLineTestClient.ReadError(await DirectLineTestClient.ReadJsonAsync(response)).Code);
    }

    [Fact]
    public async Task TamperedToken_ForAnotherConversation_Returns403()
    {
        var a = await _client.StartAsync();
        var b = await _client.StartAsync();
        var parts = a.Token.Split('.');
        var payload = DecodePayload(a.Token);
        payload["conv"] = b.ConversationId;
        var forged = $"{parts[0]}.{Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";

        using var response = await _client.GetAsync($"/v3/directline/conversations/{b.ConversationId}/activities", forged);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TokenInvalid", DirectLineTestClient.ReadError(await DirectLineTestClient.ReadJsonAsync(response)).Code);
    }

    internal static JsonObject DecodePayload(string jwt)
    {
        var segment = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        segment = segment.PadRight(segment.Length + ((4 - (segment.Length % 4)) % 4), '=');
        return JsonNode.Parse(Convert.FromBase64String(segment))!.AsObject();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

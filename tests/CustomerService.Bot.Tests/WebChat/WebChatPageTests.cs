using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CustomerService.Bot.Tests.Channels.DirectLine;

namespace CustomerService.Bot.Tests.WebChat;

public sealed partial class WebChatPageTests : IDisposable
{
    private readonly BotApplication _app = new(new Dictionary<string, string?>
    {
        ["WebChat:DemoCustomers:0:UserId"] = "demo-ada",
        ["WebChat:DemoCustomers:0:Name"] = "Ada",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Root_ServesPageWithStrictCspAndNoInlineScript()
    {
        using var response = await _app.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scriptSrc);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("http", html.Replace("http-equiv", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(BotApplication.Secret, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebChatBundle_IsServedFromOwnOrigin()
    {
        using var response = await _app.CreateClient().GetAsync(new Uri("/lib/webchat.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 1_000_000);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Session_New_ReturnsConversationTokenAndHttpOnlyResumeCookie()
    {
        using var response = await _app.CreateClient().PostAsJsonAsync("/api/webchat/session", new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = await DirectLineTestClient.ReadJsonAsync(response);
        var claims = DirectLineTokenTests.DecodePayload(session["token"]!.GetValue<string>());
        Assert.Equal(session["conversationId"]!.GetValue<string>(), claims["conv"]!.GetValue<string>());
        Assert.Equal(session["userId"]!.GetValue<string>(), claims["user"]!.GetValue<string>());
        Assert.False(session["resumed"]!.GetValue<bool>());
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(BotApplication.Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_ReloadWithCookie_ResumesSameStartedConversation()
    {
        var browser = _app.CreateClient();
        var first = await CreateSessionAsync(browser, new JsonObject());
        await StartConversationAsync(first["token"]!.GetValue<string>());

        var second = await CreateSessionAsync(browser, new JsonObject
        {
            ["conversationId"] = first["conversationId"]!.GetValue<string>(),
            ["userId"] = first["userId"]!.GetValue<string>(),
        });

        Assert.True(second["resumed"]!.GetValue<bool>());
        Assert.Equal(first["conversationId"]!.GetValue<string>(), second["conversationId"]!.GetValue<string>());
        Assert.Equal(first["userId"]!.GetValue<string>(), second["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Session_KnownConversationIdWithoutCookie_StartsNewConversation()
    {
        var first = await CreateSessionAsync(_app.CreateClient(), new JsonObject());
        await StartConversationAsync(first["token"]!.GetValue<string>());

        var stranger = await CreateSessionAsync(_app.CreateClient(), new JsonObject
        {
            ["conversationId"] = first["conversationId"]!.GetValue<string>(),
            ["userId"] = first["userId"]!.GetValue<string>(),
        });

        Assert.False(stranger["resumed"]!.GetValue<bool>());
        Assert.NotEqual(first["conversationId"]!.GetValue<string>(), stranger["conversationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Session_DemoCustomer_PinsSeededIdentityAndName()
    {
        var session = await CreateSessionAsync(_app.CreateClient(), new JsonObject { ["demoUser"] = "demo-ada" });

        Assert.Equal("demo-ada", session["userId"]!.GetValue<string>());
        Assert.Equal("Ada", session["userName"]!.GetValue<string>());
        Assert.True(session["demo"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("someone-else")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public async Task Session_UnknownDemoCustomer_Returns400(string demoUser)
    {
        using var response = await _app.CreateClient().PostAsJsonAsync("/api/webchat/session", new { demoUser });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<JsonObject> CreateSessionAsync(HttpClient browser, JsonObject body)
    {
        using var response = await browser.PostAsJsonAsync("/api/webchat/session", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await DirectLineTestClient.ReadJsonAsync(response);
    }

    private async Task StartConversationAsync(string token)
    {
        using var response = await new DirectLineTestClient(_app).SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}

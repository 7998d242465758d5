using System.Net;

namespace CustomerService.Bot.Tests.Agents;

public sealed class AgentAuthTests : IDisposable
{
    private readonly BotApplication _app = new(AgentTestOptions.AsConfiguration());

    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "GET", "/api/agent/session" },
        { "GET", "/api/agent/queue?view=pending" },
        { "GET", "/api/agent/events" },
        { "GET", "/api/agent/conversations/any-id" },
        { "POST", "/api/agent/conversations/any-id/claim" },
        { "POST", "/api/agent/conversations/any-id/resolve" },
        { "POST", "/api/agent/conversations/any-id/reply" },
        { "GET", "/api/agent/dashboard" },
        { "GET", "/api/agent/dashboard/misunderstood?format=csv" },
        { "POST", "/api/agent/logout" },
        { "GET", "/api/agent/no-such-endpoint" },
    };

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Endpoint_Anonymous_Returns401ProblemDetails(string method, string path)
    {
        var client = _app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await AgentTestClient.ReadJsonAsync(response))["status"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Endpoint_InvalidApiKey_Returns401ProblemDetails(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") };
        request.Headers.Add("X-Api-Key", "csk_guessed-key");

        using var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid API key", (await AgentTestClient.ReadJsonAsync(response))["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/agent")]
    [InlineData("/agent/conversations/abc")]
    public async Task Page_Anonymous_RedirectsToLogin(string path)
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/agent/login?returnUrl=", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_CorrectPasswordWithToken_SetsHttpOnlyStrictCookieAndOpensSession()
    {
        var agent = new AgentTestClient(_app);

        using var response = await agent.LoginAsync("alice", AgentTestOptions.AlicePassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cs_agent=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var session = await agent.GetJsonAsync("/api/agent/session");
        Assert.Equal("alice", session["userName"]!.GetValue<string>());
        Assert.Equal("Alice Agent", session["displayName"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(session["antiforgeryToken"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_Returns400AndSetsNoSession()
    {
        var agent = new AgentTestClient(_app);

        using var response = await agent.LoginAsync("alice", AgentTestOptions.AlicePassword, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", (await AgentTestClient.ReadJsonAsync(response))["title"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        using var session = await agent.Http.GetAsync(new Uri("/api/agent/session", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, session.StatusCode);
    }

    [Theory]
    [InlineData("alice", "not her password")]
    [InlineData("nobody", AgentTestOptions.AlicePassword)]
    public async Task Login_WrongCredentials_Returns401WithSameMessage(string userName, string password)
    {
        var agent = new AgentTestClient(_app);

        using var response = await agent.LoginAsync(userName, password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The user name or password is wrong.", (await AgentTestClient.ReadJsonAsync(response))["detail"]!.GetValue<string>());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("cs_agent=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Login_RepeatedFailures_LocksOutEvenTheRightPassword()
    {
        var agent = new AgentTestClient(_app);
        for (var i = 0; i < 5; i++)
        {
            using var failed = await agent.LoginAsync("alice", "wrong-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var response = await agent.LoginAsync("alice", AgentTestOptions.AlicePassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("300", response.Headers.GetValues("Retry-After").Single());
        _app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        using var later = await agent.LoginAsync("alice", AgentTestOptions.AlicePassword);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Theory]
    [InlineData("{\"userName\": \"alice\", \"password\": ")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"userName\": 5, \"password\": true}")]
    [InlineData("{\"userName\": \"\", \"password\": \"\"}")]
    public async Task Login_MalformedBody_Returns400ProblemDetails(string body)
    {
        var agent = new AgentTestClient(_app);
        var token = await agent.GetLoginTokenAsync();

        using var response = await agent.PostRawAsync("/api/agent/login", body, "application/json", token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Login_FormPost_Returns415()
    {
        var agent = new AgentTestClient(_app);
        var token = await agent.GetLoginTokenAsync();

        using var response = await agent.PostRawAsync("/api/agent/login", "userName=alice&password=x", "application/x-www-form-urlencoded", token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Mutation_SignedInWithoutAntiforgeryToken_Returns400()
    {
        var agent = await AgentTestClient.SignedInAsync(_app, "alice", AgentTestOptions.AlicePassword);

        using var response = await agent.PostRawAsync("/api/agent/conversations/some-id/claim", "{}", "application/json", token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", (await AgentTestClient.ReadJsonAsync(response))["title"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Mutation_AnotherAgentsAntiforgeryToken_Returns400()
    {
        var alice = await AgentTestClient.SignedInAsync(_app, "alice", AgentTestOptions.AlicePassword);
        var bob = await AgentTestClient.SignedInAsync(_app, "bob", AgentTestOptions.BobPassword);

        using var response = await alice.PostRawAsync("/api/agent/conversations/some-id/claim", "{}", "application/json", bob.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ApiKey_Valid_ReadsQueueAndActsWithoutAntiforgery()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", AgentTestOptions.ApiKey);

        using var queue = await client.GetAsync(new Uri("/api/agent/queue?view=pending", UriKind.Relative));
        using var claim = await client.PostAsync(new Uri("/api/agent/conversations/unknown-conversation/claim", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, claim.StatusCode);
        var session = await AgentTestClient.ReadJsonAsync(await client.GetAsync(new Uri("/api/agent/session", UriKind.Relative)));
        Assert.Equal("crm-sync", session["userName"]!.GetValue<string>());
        Assert.Null(session["antiforgeryToken"]);
    }

    [Fact]
    public async Task Logout_SignedIn_EndsTheSession()
    {
        var agent = await AgentTestClient.SignedInAsync(_app, "alice", AgentTestOptions.AlicePassword);

        using var response = await agent.PostAsync("/api/agent/logout");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var session = await agent.Http.GetAsync(new Uri("/api/agent/session", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, session.StatusCode);
    }

    [Theory]
    [InlineData("/agent/login")]
    [InlineData("/agent/agent.js")]
    [InlineData("/api/agent/session")]
    [InlineData("/api/agent/antiforgery")]
    public async Task Response_AgentPath_CarriesSecurityHeaders(string path)
    {
        using var response = await _app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_Anonymous_ServesFormWithoutInlineScript()
    {
        using var response = await _app.CreateClient().GetAsync(new Uri("/agent/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<form id=\"login-form\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/agent/login.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asset_NotOnTheList_Returns404()
    {
        using var response = await _app.CreateClient().GetAsync(new Uri("/agent/..%2f..%2fappsettings.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Session_ApiKeyAndCookieTogether_ApiKeyDecides()
    {
        var agent = await AgentTestClient.SignedInAsync(_app, "alice", AgentTestOptions.AlicePassword);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/agent/session");
        request.Headers.Add("X-Api-Key", "csk_wrong");

        using var response = await agent.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

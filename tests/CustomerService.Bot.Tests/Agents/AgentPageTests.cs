using System.Net;
using System.Text.RegularExpressions;

namespace CustomerService.Bot.Tests.Agents;

public sealed partial class AgentPageTests : IDisposable
{
    private readonly BotApplication _app = new(AgentTestOptions.AsConfiguration());

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/agent")]
    [InlineData("/agent/conversations/conv-1")]
    public async Task Page_SignedIn_ServesShellWithOwnScriptsOnly(string path)
    {
        var agent = await AgentTestClient.SignedInAsync(_app, "alice", AgentTestOptions.AlicePassword);

        using var response = await agent.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/agent/agent.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/agent/agent.js")]
    [InlineData("/agent/login.js")]
    public async Task Script_NeverTurnsDataIntoHtml(string path)
    {
        using var response = await _app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var script = await response.Content.ReadAsStringAsync();
        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute('on", "srcdoc" })
        {
            Assert.DoesNotContain(sink, script, StringComparison.Ordinal);
        }

        Assert.Contains("textContent", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stylesheet_IsServedAsCss()
    {
        using var response = await _app.CreateClient().GetAsync(new Uri("/agent/agent.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}

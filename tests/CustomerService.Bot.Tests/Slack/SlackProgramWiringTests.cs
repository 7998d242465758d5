using System.Net;
using System.Text.Json;
using CustomerService.Bot.Channels.Slack.WebApi;
using CustomerService.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Bot.Tests.Slack;

/// <summary>The Slack channel as Program.cs composes it (AddSlack, MapSlack) next to everything else.</summary>
public sealed class SlackProgramWiringTests : IDisposable
{
    private readonly FakeSlackWebApi _slack = new() { TeamId = SlackTestHost.TeamId };
    private readonly BotApplication _app;

    public SlackProgramWiringTests()
    {
        _app = new BotApplication(
            new Dictionary<string, string?>
            {
                ["Slack:Enabled"] = "true",
                ["Slack:SigningSecret"] = SlackTestHost.SigningSecret,
                ["Slack:BotToken"] = "xoxb-test",
                ["Slack:EscalationChannel"] = SlackTestHost.CardsChannel,
                ["Slack:ApiBaseUrl"] = "https://slack.test/api/",
                ["Slack:MaxRetryAttempts"] = "0",
            },
            services => services.AddHttpClient(SlackApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _slack));
    }

    public void Dispose()
    {
        _app.Dispose();
        _slack.Dispose();
    }

    [Fact]
    public async Task Program_SignedUrlVerification_IsAnswered()
    {
        using var client = _app.CreateClient();
        var request = SlackRequestSigner.Json(new Uri("/api/slack/events", UriKind.Relative), """{"type":"url_verification","challenge":"wired"}""", SlackTestHost.SigningSecret, _app.Clock.GetUtcNow());

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("wired", json.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task Program_UnsignedInteraction_Is401()
    {
        using var client = _app.CreateClient();

        var response = await client.PostAsync(new Uri("/api/slack/interactions", UriKind.Relative), new FormUrlEncodedContent([new("payload", "{}")]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Program_DirectMessage_IsAnsweredInThreadThroughTheRealPipeline()
    {
        using var client = _app.CreateClient();
        var request = SlackRequestSigner.Json(
            new Uri("/api/slack/events", UriKind.Relative),
            SlackTestHost.MessageEvent("EvWIRED", "D0WIRED", "U0WIRED", "hello", "1772443800.000100"),
            SlackTestHost.SigningSecret,
            _app.Clock.GetUtcNow());

        var response = await client.SendAsync(request);
        var reply = await _slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Field("channel") == "D0WIRED");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1772443800.000100", reply[0].Field("thread_ts"));
    }
}

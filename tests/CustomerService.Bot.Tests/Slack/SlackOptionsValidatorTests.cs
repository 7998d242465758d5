using CustomerService.Bot.Channels.Slack;

namespace CustomerService.Bot.Tests.Slack;

public sealed class SlackOptionsValidatorTests
{
    [Fact]
    public void Validate_Disabled_NeedsNoSecrets()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { Enabled = false });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_EnabledWithoutSecrets_NamesTheEnvironmentVariablesToSet()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { Enabled = true });

        Assert.True(result.Failed);
        Assert.Contains("Slack__SigningSecret", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Slack__BotToken", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SocketModeWithoutAppToken_NamesSlackAppToken()
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { Enabled = true, SocketMode = true, BotToken = "xoxb-1" });

        Assert.True(result.Failed);
        Assert.Contains("Slack__AppToken", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Slack__SigningSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://slack.com/api", null)]
    [InlineData("https://slack.com/api/", "javascript:alert(1)")]
    [InlineData("https://slack.com/api/", "https://support.example.com/app")]
    public void Validate_BadUrls_AreRejected(string apiBase, string? agentPage)
    {
        var options = new SlackOptions
        {
            Enabled = true,
            SigningSecret = "s",
            BotToken = "xoxb-1",
            ApiBaseUrl = new Uri(apiBase),
            AgentPageBaseUrl = agentPage is null ? null : new Uri(agentPage),
        };

        var result = new SlackOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
    }

    [Fact]
    public void Validate_CompleteHttpConfiguration_Succeeds()
    {
        var options = new SlackOptions
        {
            Enabled = true,
            SigningSecret = "s",
            BotToken = "xoxb-1",
            EscalationChannel = "C0CARDS",
            AgentPageBaseUrl = new Uri("https://support.example.com/"),
        };

        var result = new SlackOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.True(options.PostsCards);
    }
}

using System.Text.Json;
using CustomerService.Bot.Channels.Slack;
using CustomerService.Bot.Channels.Slack.Events;
using CustomerService.Bot.Channels.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Tests.Slack;

public sealed class SlackEventFilterTests
{
    private const string Escalations = "CESCALATE";

    [Fact]
    public void Classify_DirectMessage_IsCustomerAnsweredInItsOwnThread()
    {
        var envelope = Envelope("""{"type":"message","channel":"D0CUST","channel_type":"im","user":"U0CUST","text":"where is my order?","ts":"1700000000.000100"}""");

        var result = Filter().Classify(envelope);

        var message = Assert.IsType<SlackInboundMessage>(result.Message);
        Assert.Equal(SlackMessageKind.Customer, message.Kind);
        Assert.True(message.IsDirectMessage);
        Assert.Equal("1700000000.000100", message.ThreadRootTs);
        Assert.Equal("slack:T0001:D0CUST", message.ConversationId);
    }

    [Fact]
    public void Classify_MentionInThread_StripsMentionAndKeysByThreadRoot()
    {
        var envelope = Envelope("""{"type":"app_mention","channel":"C0GENERAL","user":"U0CUST","text":"<@UBOT> my parcel is late","ts":"1700000000.000300","thread_ts":"1700000000.000100"}""");

        var result = Filter().Classify(envelope);

        var message = Assert.IsType<SlackInboundMessage>(result.Message);
        Assert.Equal("my parcel is late", message.Text);
        Assert.Equal("1700000000.000100", message.ThreadRootTs);
        Assert.Equal("slack:T0001:C0GENERAL:1700000000.000100", message.ConversationId);
    }

    [Fact]
    public void Classify_BeforeAuthTest_UsesAuthorizationsToFilterSelfAndStripMention()
    {
        var envelope = Envelope(
            """{"type":"app_mention","channel":"C0GENERAL","user":"U0CUST","text":"<@UBOT|support> hi","ts":"1700000000.000300"}""",
            authorizations: """[{"team_id":"T0001","user_id":"UBOT","is_bot":true}]""");

        var result = Filter(knowIdentity: false).Classify(envelope);

        Assert.Equal("hi", result.Message?.Text);
    }

    [Theory]
    [InlineData("""{"type":"message","channel":"D0CUST","channel_type":"im","user":"U0CUST","text":"hi","ts":"1.2","bot_id":"B0OTHER"}""", "bot")]
    [InlineData("""{"type":"message","subtype":"bot_message","channel":"D0CUST","channel_type":"im","text":"hi","ts":"1.2","bot_id":"BBOT"}""", "bot")]
    [InlineData("""{"type":"message","channel":"D0CUST","channel_type":"im","user":"UBOT","text":"hi","ts":"1.2"}""", "self")]
    [InlineData("""{"type":"message","subtype":"message_changed","hidden":true,"channel":"D0CUST","channel_type":"im","ts":"1.2"}""", "subtype")]
    [InlineData("""{"type":"message","subtype":"message_deleted","hidden":true,"channel":"D0CUST","channel_type":"im","ts":"1.2"}""", "subtype")]
    [InlineData("""{"type":"message","subtype":"channel_join","channel":"C0GENERAL","user":"U0CUST","text":"joined","ts":"1.2"}""", "subtype")]
    [InlineData("""{"type":"message","channel":"D0CUST","channel_type":"im","user":"U0CUST","text":"hi","ts":"1.2","hidden":true}""", "subtype")]
    [InlineData("""{"type":"reaction_added","user":"U0CUST","ts":"1.2"}""", "event_type")]
    [InlineData("""{"type":"message","channel":"C0GENERAL","channel_type":"channel","user":"U0CUST","text":"chatter","ts":"1.2"}""", "not_addressed")]
    [InlineData("""{"type":"message","channel":"D0CUST","channel_type":"im","user":"U0CUST","text":"   ","ts":"1.2"}""", "empty")]
    [InlineData("""{"type":"message","channel":"D0CUST","channel_type":"im","user":"U0CUST","text":"hi","ts":"1.2; DROP"}""", "malformed")]
    [InlineData("""{"type":"message","channel":"../etc","channel_type":"im","user":"U0CUST","text":"hi","ts":"1.2"}""", "malformed")]
    [InlineData("""{"type":"app_mention","channel":"CESCALATE","user":"U0AGENT","text":"<@UBOT> hi","ts":"1.3","thread_ts":"1.2"}""", "mention_in_card_thread")]
    public void Classify_NoiseAndOurOwnMessages_AreIgnored(string inner, string reason)
    {
        var result = Filter().Classify(Envelope(inner));

        Assert.Null(result.Message);
        Assert.Equal(reason, result.IgnoredBecause);
    }

    [Fact]
    public void Classify_HumanReplyInEscalationThread_IsAgentReply()
    {
        var envelope = Envelope("""{"type":"message","channel":"CESCALATE","user":"U0AGENT","text":"Hello, I can help","ts":"1700000001.000200","thread_ts":"1700000000.000100"}""");

        var result = Filter().Classify(envelope);

        Assert.Equal(SlackMessageKind.AgentThreadReply, result.Message?.Kind);
        Assert.Equal("1700000000.000100", result.Message?.ThreadRootTs);
    }

    [Fact]
    public void Classify_UrlVerification_IsNotAnEventCallback()
    {
        var envelope = JsonSerializer.Deserialize<SlackEventEnvelope>("""{"type":"url_verification","challenge":"abc"}""", SlackJsonAccess.Options)!;

        var result = Filter().Classify(envelope);

        Assert.Equal("not_event_callback", result.IgnoredBecause);
    }

    [Theory]
    [InlineData("&lt;script&gt; &amp; co", "<script> & co")]
    [InlineData("see <https://example.com/a?b=1|example.com>", "see example.com")]
    [InlineData("see <https://example.com>", "see https://example.com")]
    [InlineData("ask <@U0AGENT> in <#C0GENERAL|general>", "ask @U0AGENT in #general")]
    [InlineData("<!here> hi", "@here hi")]
    [InlineData("literal &quot;", "literal &quot;")]
    public void ToPlainText_SlackEncoding_BecomesWhatTheCustomerSaw(string slackText, string expected)
    {
        var plain = SlackActivityMapper.ToPlainText(slackText);

        Assert.Equal(expected, plain);
    }

    private static SlackEventEnvelope Envelope(string inner, string authorizations = "[]") =>
        JsonSerializer.Deserialize<SlackEventEnvelope>(
            $$"""{"type":"event_callback","team_id":"T0001","event_id":"Ev0001","event":{{inner}},"authorizations":{{authorizations}}}""",
            SlackJsonAccess.Options)!;

    private static SlackEventFilter Filter(bool knowIdentity = true)
    {
        var identity = new SlackIdentityAccessor();
        if (knowIdentity)
        {
            identity.Set(new SlackIdentity("UBOT", "BBOT", "T0001"));
        }

        return new SlackEventFilter(Options.Create(new SlackOptions { EscalationChannel = Escalations }), identity);
    }
}

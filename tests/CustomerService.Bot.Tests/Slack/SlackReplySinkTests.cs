using CustomerService.Bot.Channels.Slack;
using CustomerService.Core.Activities;
using CustomerService.Core.Ports;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerService.Bot.Tests.Slack;

public sealed class SlackReplySinkTests
{
    private static readonly ChannelAccount Bot = new("UBOT", "Support", RoleTypes.Bot);

    [Fact]
    public async Task Publish_InTurn_PostsBotMessagesIntoTheTurnsThreadEscaped()
    {
        var api = new RecordingSlackApiClient();
        var sink = new SlackReplySink(api, NullLogger<SlackReplySink>.Instance, "D0CUST", "1700000000.000100");

        await sink.PublishAsync("slack:T0001:D0CUST", [Stored(new Activity { From = Bot, Text = "Your order <#123> & more" })], CancellationToken.None);

        var post = Assert.Single(api.Posts);
        Assert.Equal("D0CUST", post.Channel);
        Assert.Equal("1700000000.000100", post.ThreadTs);
        Assert.Equal("Your order &lt;#123&gt; &amp; more", post.Text);
        Assert.False(post.UnfurlLinks);
    }

    [Fact]
    public async Task Publish_OutsideATurn_TargetsTheThreadNamedByTheConversationId()
    {
        var api = new RecordingSlackApiClient();
        var sink = new SlackReplySink(api, NullLogger<SlackReplySink>.Instance);

        await sink.PublishAsync("slack:T0001:C0GENERAL:1700000000.000100", [Stored(new Activity { From = new("U0AGENT", null, RoleTypes.Agent), Text = "On it" })], CancellationToken.None);
        await sink.PublishAsync("slack:T0001:D0CUST", [Stored(new Activity { From = new("U0AGENT", "Alice", RoleTypes.Agent), Text = "Done" })], CancellationToken.None);

        var posts = api.Posts.ToList();
        Assert.Equal(("C0GENERAL", "1700000000.000100", "On it"), (posts[0].Channel, posts[0].ThreadTs, posts[0].Text));
        Assert.Equal(("D0CUST", (string?)null, "Alice: Done"), (posts[1].Channel, posts[1].ThreadTs, posts[1].Text));
    }

    [Fact]
    public async Task Publish_EventsCustomerEchoesAndEmptyText_AreNotPosted()
    {
        var api = new RecordingSlackApiClient();
        var sink = new SlackReplySink(api, NullLogger<SlackReplySink>.Instance, "D0CUST", "1.1");

        await sink.PublishAsync(
            "slack:T0001:D0CUST",
            [
                Stored(new Activity { Type = ActivityTypes.Event, Name = HandoffEventNames.HandoffStatus, From = Bot }),
                Stored(new Activity { From = new ChannelAccount("U0CUST:T0001", null, RoleTypes.User), Text = "my own words" }),
                Stored(new Activity { From = Bot, Text = "   " }),
            ],
            CancellationToken.None);

        Assert.Empty(api.Posts);
    }

    [Fact]
    public async Task Publish_SuggestedActions_AreListedAsTextTheCustomerCanType()
    {
        var api = new RecordingSlackApiClient();
        var sink = new SlackReplySink(api, NullLogger<SlackReplySink>.Instance, "D0CUST", "1.1");
        var activity = new Activity
        {
            From = Bot,
            Text = "Anything else?",
            SuggestedActions = new SuggestedActions([CardAction.ImBack("Track order", "track my order"), CardAction.ImBack("Talk to a person", "human please")]),
        };

        await sink.PublishAsync("slack:T0001:D0CUST", [Stored(activity)], CancellationToken.None);

        Assert.Equal("Anything else?\nYou can say: Track order · Talk to a person", Assert.Single(api.Posts).Text);
    }

    [Fact]
    public async Task Publish_VeryLongReply_IsSplitIntoMessagesWithinTheLimit()
    {
        var api = new RecordingSlackApiClient();
        var sink = new SlackReplySink(api, NullLogger<SlackReplySink>.Instance, "D0CUST", "1.1");
        var text = string.Join(' ', Enumerable.Repeat("word&", 1200));

        await sink.PublishAsync("slack:T0001:D0CUST", [Stored(new Activity { From = Bot, Text = text })], CancellationToken.None);

        var posts = api.Posts.ToList();
        Assert.InRange(posts.Count, 3, 4);
        Assert.All(posts, p => Assert.InRange(p.Text.Length, 1, 4000));
        Assert.All(posts, p => Assert.DoesNotMatch("&(a|am|amp)?$", p.Text));
        Assert.Equal(text.Replace("&", "&amp;", StringComparison.Ordinal), string.Join(' ', posts.Select(p => p.Text)));
    }

    [Fact]
    public async Task Publish_SlackDown_DoesNotFailTheCommittedTurn()
    {
        var api = new RecordingSlackApiClient { FailWith = "channel_not_found" };
        var sink = new SlackReplySink(api, NullLogger<SlackReplySink>.Instance, "D0GONE", "1.1");

        var error = await Record.ExceptionAsync(() =>
            sink.PublishAsync("slack:T0001:D0GONE", [Stored(new Activity { From = Bot, Text = "hi" })], CancellationToken.None).AsTask());

        Assert.Null(error);
        Assert.Empty(api.Posts);
    }

    private static StoredActivity Stored(Activity activity) => new(1, activity);
}

using CustomerService.Bot.Channels.Slack.Events;
using CustomerService.Core.Activities;
using CustomerService.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Bot.Tests.Slack;

/// <summary>
/// A Slack customer message is stored before Slack gets its 200, so Slack never redelivers it. If the host stops
/// before the turn commits, the next start answers it, in the thread it came from.
/// </summary>
public sealed class SlackTurnRecoveryTests
{
    private const string Channel = "C0GENERAL";
    private const string ThreadRoot = "1772443800.000100";

    [Fact]
    public async Task Restart_ThreadMessageStoredButNeverAnswered_AnsweredOnceInItsThread()
    {
        var message = Customer("EvCRASH", "1772443805.000200", "where is my parcel?");
        await using var keepAlive = await StoreWithoutTurnAsync(message);

        await using var restarted = await SlackTestHost.StartAsync(database: keepAlive, now: SlackTestHost.Epoch.AddMinutes(1));
        await restarted.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Field("channel") == Channel);
        await Task.Delay(200);

        var posts = restarted.Slack.Succeeded("chat.postMessage").Where(c => c.Field("channel") == Channel).ToList();
        Assert.NotEmpty(posts);
        Assert.All(posts, p => Assert.Equal(ThreadRoot, p.Field("thread_ts")));
        var replies = (await restarted.TranscriptAsync(message.ConversationId)).Where(a => a.Activity.From?.Role == RoleTypes.Bot).ToList();
        Assert.NotEmpty(replies);
        Assert.Single(replies.Select(r => r.Activity.ReplyToId).Distinct());
    }

    [Fact]
    public async Task Restart_MessageOlderThanTheRecoveryWindow_IsLeftAlone()
    {
        var message = Customer("EvOLD", "1772443806.000300", "hello?");
        await using var keepAlive = await StoreWithoutTurnAsync(message);

        await using var restarted = await SlackTestHost.StartAsync(database: keepAlive, now: SlackTestHost.Epoch.AddMinutes(16));

        // A fresh message after the restart is answered; had the old one been resumed, it would have been posted first.
        var marker = SlackTestHost.MessageEvent("EvMARK", "D0MARK", "U0CUST", "hi", "1772444800.000100");
        await restarted.PostEventAsync(marker);
        await restarted.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Field("channel") == "D0MARK");
        Assert.DoesNotContain(restarted.Slack.Calls, c => c.Method == "chat.postMessage" && c.Field("channel") == Channel);
    }

    [Theory]
    [InlineData("D0DM", "1772443805.000200", "1772443805.000200", true)]
    [InlineData(Channel, "1772443805.000200", ThreadRoot, false)]
    public void FromStoredCustomerMessage_WhatToActivityStored_GivesBackTheSameMessage(string channel, string ts, string threadRoot, bool isDirect)
    {
        var original = new SlackInboundMessage(SlackMessageKind.Customer, "EvRT", SlackTestHost.TeamId, channel, "U0CUST", "where is &lt;my&gt; parcel", ts, threadRoot, isDirect);
        var stored = SlackActivityMapper.ToActivity(original, new ChannelAccount("UBOT", "bot", RoleTypes.Bot), SlackTestHost.Epoch);

        var rebuilt = SlackActivityMapper.FromStoredCustomerMessage(stored, original.ConversationId);

        // The text is the stored plain text (what the turn reads); everything that addresses the reply is the original's.
        Assert.Equal(original with { Text = stored.Text! }, rebuilt);
    }

    [Fact]
    public void FromStoredCustomerMessage_ConversationKeyDoesNotMatch_IsNotRebuilt()
    {
        var original = Customer("EvKEY", "1772443805.000200", "hi");
        var stored = SlackActivityMapper.ToActivity(original, new ChannelAccount("UBOT", "bot", RoleTypes.Bot), SlackTestHost.Epoch);

        Assert.Null(SlackActivityMapper.FromStoredCustomerMessage(stored, "slack:T0001:C0OTHER:1.2"));
        Assert.Null(SlackActivityMapper.FromStoredCustomerMessage(stored with { ChannelData = null }, original.ConversationId));
    }

    private static SlackInboundMessage Customer(string eventId, string ts, string text) =>
        new(SlackMessageKind.Customer, eventId, SlackTestHost.TeamId, Channel, "U0CUST", text, ts, ThreadRoot, IsDirectMessage: false);

    /// <summary>What the receiver stores before acknowledging, then a stop before the turn ran; returns a connection that keeps the data.</summary>
    private static async Task<Microsoft.Data.Sqlite.SqliteConnection> StoreWithoutTurnAsync(SlackInboundMessage message)
    {
        var crashed = await SlackTestHost.StartAsync();
        var keepAlive = SlackTestHost.OpenDatabaseAlias(crashed.Database);
        await using (var scope = crashed.App.Services.CreateAsyncScope())
        {
            var activity = SlackActivityMapper.ToActivity(message, new ChannelAccount("UBOT", "bot", RoleTypes.Bot), crashed.Clock.GetUtcNow());
            await scope.ServiceProvider.GetRequiredService<ITranscriptStore>().AppendCommittedAsync(message.ConversationId, activity, CancellationToken.None);
        }

        await crashed.DisposeAsync();
        return keepAlive;
    }
}

using Stopwatch = System.Diagnostics.Stopwatch;
using CustomerService.Core.Activities;
using CustomerService.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Bot.Tests.Channels.DirectLine;

/// <summary>A kill between storing a customer message and committing its turn leaves it unanswered; the next start answers it.</summary>
public sealed class DirectLineTurnRecoveryTests
{
    [Fact]
    public async Task Restart_MessageStoredButNeverAnswered_IsAnsweredOnce()
    {
        using var crashed = new BotApplication();
        var conversation = await new DirectLineTestClient(crashed).StartAsync("customer-recovery");
        var stored = await AppendWithoutTurnAsync(crashed, conversation.ConversationId, "hello, anyone there?");

        using var restarted = new BotApplication(new Dictionary<string, string?> { ["ConnectionStrings:CustomerService"] = crashed.ConnectionString });
        restarted.Clock.Advance(TimeSpan.FromMinutes(1));

        var replies = await WaitForRepliesAsync(restarted, conversation.ConversationId, stored.Activity.Id!);
        var reply = Assert.Single(replies);
        Assert.Equal(ActivityTypes.Message, reply.Type);
    }

    [Fact]
    public async Task Restart_MessageOlderThanTheWindow_IsLeftAlone()
    {
        using var crashed = new BotApplication();
        var conversation = await new DirectLineTestClient(crashed).StartAsync("customer-recovery-late");
        var stored = await AppendWithoutTurnAsync(crashed, conversation.ConversationId, "hello?");

        using var restarted = new BotApplication(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = crashed.ConnectionString,
            ["Turns:RecoveryWindow"] = "00:15:00",
        });
        restarted.Clock.Advance(TimeSpan.FromMinutes(16));
        var marker = await new DirectLineTestClient(restarted).StartAsync("customer-after-restart");

        // The restarted host's own welcome turn ran, so a resumed turn queued before it would have run too.
        await WaitForRepliesAsync(restarted, marker.ConversationId, replyToId: null);
        Assert.Empty(await RepliesAsync(restarted, conversation.ConversationId, stored.Activity.Id!));
    }

    private static async Task<StoredActivity> AppendWithoutTurnAsync(BotApplication app, string conversationId, string text)
    {
        // After the welcome turn's commit, or its reply would follow the message and count as the answer.
        await WaitForRepliesAsync(app, conversationId, replyToId: null);
        await using var scope = app.Services.CreateAsyncScope();
        var message = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "webchat",
            From = new ChannelAccount("customer-recovery", null, RoleTypes.User),
            Text = text,
        };
        return await scope.ServiceProvider.GetRequiredService<ITranscriptStore>().AppendCommittedAsync(conversationId, message, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<Activity>> WaitForRepliesAsync(BotApplication app, string conversationId, string? replyToId)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            var replies = await RepliesAsync(app, conversationId, replyToId);
            if (replies.Count > 0)
            {
                // Let a duplicate, if there were one, land before the caller counts.
                await Task.Delay(200);
                return await RepliesAsync(app, conversationId, replyToId);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No bot reply in {conversationId} to {replyToId ?? "the welcome"}.");
    }

    private static async Task<IReadOnlyList<Activity>> RepliesAsync(BotApplication app, string conversationId, string? replyToId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<ITranscriptStore>().ReadAsync(conversationId, 0, 100, CancellationToken.None);
        return [.. all.Select(s => s.Activity).Where(a => a.From?.Role == RoleTypes.Bot && a.Type == ActivityTypes.Message && a.ReplyToId == replyToId)];
    }
}

using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Data.Tests.Stores;

public sealed class UnansweredMessageStoreTests
{
    private static readonly DateTimeOffset Since = DataTestHost.Start.AddMinutes(-15);
    private static readonly DateTimeOffset Before = DataTestHost.Start.AddMinutes(1);

    [Fact]
    public async Task Find_CustomerMessagesNothingRepliesTo_AreFoundOldestFirst()
    {
        await using var host = await DataTestHost.StartAsync();
        var answered = await AppendAsync(host, "conv-a", DataTestHost.UserMessage("first, answered"));
        await AnswerAsync(host, "conv-a", answered, "an answer");
        await AppendAsync(host, "conv-a", DataTestHost.UserMessage("second"));
        await AppendAsync(host, "conv-a", DataTestHost.UserMessage("third"));

        var found = await FindAsync(host);

        Assert.Equal(["second", "third"], found.Select(m => m.Inbound.Activity.Text));
        Assert.All(found, m => Assert.Equal("conv-a", m.ConversationId));
        Assert.Equal([3L, 4L], found.Select(m => m.Inbound.Sequence));
    }

    [Fact]
    public async Task Find_MoreThanTheLimit_TheNewestAreFoundOldestFirst()
    {
        await using var host = await DataTestHost.StartAsync();
        await AppendAsync(host, "conv-a", DataTestHost.UserMessage("first"));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await AppendAsync(host, "conv-b", DataTestHost.UserMessage("second"));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await AppendAsync(host, "conv-a", DataTestHost.UserMessage("third"));

        var found = await FindAsync(host, limit: 2);

        Assert.Equal(["second", "third"], found.Select(m => m.Inbound.Activity.Text));
    }

    [Fact]
    public async Task Find_MessageQueuedBehindAnEarlierTurn_IsFoundThoughALaterReplyFollowsIt()
    {
        await using var host = await DataTestHost.StartAsync();
        var first = await AppendAsync(host, "conv-a", DataTestHost.UserMessage("first"));
        await AppendAsync(host, "conv-a", DataTestHost.UserMessage("second, queued when the host died"));
        await AnswerAsync(host, "conv-a", first, "answer to first");

        var found = await FindAsync(host);

        Assert.Equal(["second, queued when the host died"], found.Select(m => m.Inbound.Activity.Text));
    }

    [Fact]
    public async Task Find_AnsweredMessage_IsNotFound()
    {
        await using var host = await DataTestHost.StartAsync();
        var hello = await AppendAsync(host, "conv-a", DataTestHost.UserMessage("hello"));
        await AnswerAsync(host, "conv-a", hello, "hi");

        Assert.Empty(await FindAsync(host));
    }

    [Fact]
    public async Task Find_MessageOutsideTheWindow_IsNotFound()
    {
        await using var host = await DataTestHost.StartAsync();
        await AppendAsync(host, "conv-a", DataTestHost.UserMessage("hello"));

        Assert.Empty(await FindAsync(host, since: DataTestHost.Start.AddSeconds(1)));
        Assert.Empty(await FindAsync(host, before: DataTestHost.Start));
    }

    [Fact]
    public async Task Find_ConversationAHumanOwns_IsNotFound()
    {
        await using var host = await DataTestHost.StartAsync();
        await AppendAsync(host, "conv-a", DataTestHost.UserMessage("are you there?"));
        await host.RunTurnAsync("conv-a", (_, state) =>
        {
            state.Handoff = HandoffState.Agent;
            return Task.CompletedTask;
        });

        Assert.Empty(await FindAsync(host));
    }

    [Fact]
    public async Task Find_OtherChannel_IsNotFound()
    {
        await using var host = await DataTestHost.StartAsync();
        await AppendAsync(host, "conv-a", DataTestHost.UserMessage("hello"));

        Assert.Empty(await FindAsync(host, channelId: "slack"));
    }

    private static Task<StoredActivity> AppendAsync(DataTestHost host, string conversationId, Core.Activities.Activity activity) =>
        host.InScopeAsync(sp => sp.GetRequiredService<ITranscriptStore>().AppendCommittedAsync(conversationId, activity, CancellationToken.None));

    /// <summary>A committed turn whose bot reply names <paramref name="message"/> as the message it answers.</summary>
    private static Task AnswerAsync(DataTestHost host, string conversationId, StoredActivity message, string reply) =>
        host.RunTurnAsync(conversationId, (sp, _) =>
        {
            sp.GetRequiredService<ITranscriptStore>().Stage(conversationId, DataTestHost.BotMessage(reply) with { ReplyToId = message.Activity.Id });
            return Task.CompletedTask;
        });

    private static Task<IReadOnlyList<UnansweredMessage>> FindAsync(
        DataTestHost host, string channelId = "webchat", DateTimeOffset? since = null, DateTimeOffset? before = null, int limit = 100) =>
        host.InScopeAsync(sp => sp.GetRequiredService<IUnansweredMessages>()
            .FindAsync(channelId, since ?? Since, before ?? Before, limit, CancellationToken.None));
}

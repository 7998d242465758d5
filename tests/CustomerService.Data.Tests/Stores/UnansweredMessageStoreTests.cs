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
    public async Task Find_PageByPage_ReturnsEveryMessageOnceOldestFirst()
    {
        await using var host = await DataTestHost.StartAsync();
        await AppendAsync(host, "conv-b", DataTestHost.UserMessage("first"));
        await AppendAsync(host, "conv-a", DataTestHost.UserMessage("same time as first"));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await AppendAsync(host, "conv-a", DataTestHost.UserMessage("second"));
        await AppendAsync(host, "conv-b", DataTestHost.UserMessage("same time as second"));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await AppendAsync(host, "conv-a", DataTestHost.UserMessage("third"));

        var pages = new List<IReadOnlyList<UnansweredMessage>>();
        UnansweredMessage? last = null;
        do
        {
            pages.Add(await FindAsync(host, after: last, limit: 2));
            last = pages[^1].Count == 0 ? null : pages[^1][^1];
        }
        while (last is not null);

        Assert.Equal([2, 2, 1, 0], pages.Select(p => p.Count));
        var texts = pages.SelectMany(p => p).Select(m => m.Inbound.Activity.Text).ToList();
        Assert.Equal(5, texts.Distinct().Count());
        Assert.Equal("third", texts[^1]);
        Assert.True(texts.IndexOf("first") < texts.IndexOf("second") && texts.IndexOf("same time as first") < texts.IndexOf("same time as second"));
    }

    [Fact]
    public async Task Find_MessageOfAnEarlierPageAnsweredMeanwhile_NextPageNeitherShiftsNorSkips()
    {
        await using var host = await DataTestHost.StartAsync();
        var first = await AppendAsync(host, "conv-a", DataTestHost.UserMessage("first"));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await AppendAsync(host, "conv-b", DataTestHost.UserMessage("second"));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await AppendAsync(host, "conv-c", DataTestHost.UserMessage("third"));

        var page = await FindAsync(host, limit: 2);
        await AnswerAsync(host, "conv-a", first, "answered while the next page was read");
        var next = await FindAsync(host, after: page[^1], limit: 2);

        Assert.Equal(["first", "second"], page.Select(m => m.Inbound.Activity.Text));
        Assert.Equal(["third"], next.Select(m => m.Inbound.Activity.Text));
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
        DataTestHost host,
        string channelId = "webchat",
        DateTimeOffset? since = null,
        DateTimeOffset? before = null,
        UnansweredMessage? after = null,
        int limit = 100) =>
        host.InScopeAsync(sp => sp.GetRequiredService<IUnansweredMessages>()
            .FindAsync(channelId, since ?? Since, before ?? Before, after, limit, CancellationToken.None));
}

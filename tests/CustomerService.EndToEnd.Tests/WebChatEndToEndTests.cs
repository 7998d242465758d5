using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CustomerService.EndToEnd.Tests;

/// <summary>The real Web Chat bundle in Debian Chromium against the real host, models and SQLite.</summary>
[Collection(EndToEndTestGroup.Name)]
public sealed class WebChatEndToEndTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task OpenPage_NewVisitor_SeesWelcome()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var chat = await ChatPage.OpenAsync(context, fixture.Server.BaseAddress);

        await chat.WaitForCountAsync(ChatPage.BotBubbles, 1);

        var welcome = await chat.Page.Locator(ChatPage.BotBubbles).First.InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(welcome));
        Assert.Empty(chat.PageErrors);
    }

    [Fact]
    public async Task RealUtterances_FromTestSplit_GetRepliesOfTheirIntent()
    {
        var sample = BitextTestSplit.Sample(8);

        // One new visitor per utterance: a dialog waiting for a slot, or an escalation after repeated misses,
        // would otherwise change how the next utterance is handled.
        var answers = new List<(string Id, string Reply)>();
        foreach (var utterance in sample)
        {
            answers.Add(await AskAsNewVisitorAsync(utterance.Text));
        }

        var recorded = fixture.Server.Annotations.Snapshot();
        var annotations = answers.Select(a => recorded.GetValueOrDefault(a.Id)).ToList();
        for (var i = 0; i < sample.Count; i++)
        {
            output.WriteLine($"{sample[i].Intent,-26} -> {annotations[i]?.Intent,-26} {annotations[i]?.Confidence:F2} {annotations[i]?.DialogId} | {answers[i].Reply}");
        }

        Assert.All(annotations, Assert.NotNull);
        Assert.All(answers, answer => Assert.False(string.IsNullOrWhiteSpace(answer.Reply)));
        var matched = sample.Zip(annotations).Count(pair => pair.First.Intent == pair.Second!.Intent && pair.Second.DialogId is not null);
        Assert.True(matched >= sample.Count * 3 / 4, $"Only {matched} of {sample.Count} utterances were routed to their labelled intent's dialog.");
    }

    private async Task<(string Id, string Reply)> AskAsNewVisitorAsync(string text)
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var chat = await ChatPage.OpenAsync(context, fixture.Server.BaseAddress);
        await chat.WaitForCountAsync(ChatPage.BotBubbles, 1);
        var (id, reply, _) = await chat.AskAsync(text);
        Assert.Empty(chat.PageErrors);
        return (id, reply);
    }

    [Fact]
    public async Task Reload_SameBrowser_ShowsHistoryAgain()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var chat = await ChatPage.OpenAsync(context, fixture.Server.BaseAddress);
        await chat.WaitForCountAsync(ChatPage.BotBubbles, 1);
        const string Question = "I want to track my order 00123842";
        await chat.AskAsync(Question);
        var botBubbles = await chat.CountAsync(ChatPage.BotBubbles);

        await chat.Page.ReloadAsync();
        await chat.Page.WaitForSelectorAsync(ChatPage.SendBox);
        await chat.WaitForCountAsync(ChatPage.BotBubbles, botBubbles);

        var userTexts = await chat.Page.Locator(ChatPage.UserBubbles).AllInnerTextsAsync();
        Assert.Contains(userTexts, text => text.Contains(Question, StringComparison.Ordinal));
        Assert.Equal(botBubbles, await chat.CountAsync(ChatPage.BotBubbles));
    }

    [Fact]
    public async Task HtmlInMessage_IsShownAsTextNeverRendered()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var chat = await ChatPage.OpenAsync(context, fixture.Server.BaseAddress);
        var dialogs = 0;
        chat.Page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await chat.WaitForCountAsync(ChatPage.BotBubbles, 1);
        const string Hostile = "Hi <img src=x onerror=alert(1)>";

        await chat.AskAsync(Hostile);

        var shown = await chat.Page.Locator(ChatPage.UserBubbles).Last.InnerTextAsync();
        Assert.Equal(Hostile, shown.Trim());
        Assert.Equal(0, await chat.Page.Locator("#webchat img[src='x']").CountAsync());
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task DemoCustomer_IsGreetedByName()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var chat = await ChatPage.OpenAsync(context, new Uri(fixture.Server.BaseAddress, "/?user=demo-e2e"));

        await chat.WaitForCountAsync(ChatPage.BotBubbles, 1);

        Assert.Contains("Edith", await chat.Page.Locator("#who").InnerTextAsync(), StringComparison.Ordinal);
    }
}

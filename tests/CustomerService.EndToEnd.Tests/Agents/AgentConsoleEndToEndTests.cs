using Microsoft.Playwright;

namespace CustomerService.EndToEnd.Tests.Agents;

/// <summary>
/// The agent console and a Web Chat customer side by side in Debian Chromium: the hand-off arrives live, the
/// agent claims, talks to the customer through the customer's own channel, and resolves.
/// </summary>
[Collection(EndToEndTestGroup.Name)]
public sealed class AgentConsoleEndToEndTests(EndToEndFixture fixture, AgentConsoleServer server) : IClassFixture<AgentConsoleServer>
{
    private const string AgentBubbles = ".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Handoff_CustomerAsksForHuman_AgentClaimsRepliesAndResolvesLive()
    {
        await using var agentContext = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await using var customerContext = await fixture.Browser.NewContextAsync();
        var agent = await AgentConsolePage.SignInAsync(agentContext, server.BaseAddress, "alice", AgentConsoleServer.AlicePassword, "Alice Agent");
        var known = await agent.QueuedConversationsAsync();

        // A marker on window survives only if the page is never reloaded: the case must arrive live.
        await agent.Page.EvaluateAsync("() => { window.__sameDocument = true; }");
        var chat = await ChatPage.OpenAsync(customerContext, server.BaseAddress);
        await chat.WaitForCountAsync(ChatPage.BotBubbles, 1);
        await chat.AskAsync(AgentConsoleServer.AskForHuman);
        var conversationId = await agent.WaitForNewConversationAsync(known);

        Assert.True(await agent.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        await agent.OpenAsync(conversationId);
        await agent.WaitForCustomerMessageAsync(AgentConsoleServer.AskForHuman);
        await Assertions.Expect(agent.Page.Locator("#why-reason")).ToHaveTextAsync("The customer asked for a human.");
        await Assertions.Expect(agent.Page.Locator("#transcript .msg.customer .chip").Last).ToContainTextAsync("contact_human_agent");

        await agent.Page.ClickAsync("#claim");
        await agent.ExpectStateAsync("Claimed");
        await WaitForBubbleAsync(chat, "Alice Agent");

        const string Reply = "Hi, this is Alice from support. How can I help?";
        await agent.ReplyAsync(Reply);
        await WaitForBubbleAsync(chat, Reply);

        const string Answer = "My parcel never arrived";
        await chat.Page.FillAsync(ChatPage.SendBox, Answer);
        await chat.Page.PressAsync(ChatPage.SendBox, "Enter");
        await agent.WaitForCustomerMessageAsync(Answer);

        await agent.Page.ClickAsync("#resolve");
        await agent.ExpectStateAsync("Resolved");
        await Assertions.Expect(agent.Page.Locator($"{AgentConsolePage.QueueItems}[data-conversation=\"{conversationId}\"]")).ToHaveCountAsync(0);
        await Assertions.Expect(agent.Page.Locator("#reply-text")).ToBeDisabledAsync();
        await SaveScreenshotAsync(agent.Page, "conversation");

        await agent.Page.ClickAsync("#tab-dashboard");
        await Assertions.Expect(agent.Page.Locator("#dash-conversations")).Not.ToHaveTextAsync("–");
        await Assertions.Expect(agent.Page.Locator("#dash-intents li", new PageLocatorOptions { HasTextString = "contact_human_agent" })).ToHaveCountAsync(1);
        await SaveScreenshotAsync(agent.Page, "dashboard");
        Assert.True(agent.Errors.Count == 0, string.Join(" | ", agent.Errors));
        Assert.Empty(agent.Dialogs);
    }

    [Fact]
    public async Task Claim_SecondAgentClicksLate_SeesAlreadyClaimedByFirst()
    {
        await using var aliceContext = await fixture.Browser.NewContextAsync();
        await using var bobContext = await fixture.Browser.NewContextAsync();
        await using var customerContext = await fixture.Browser.NewContextAsync();
        var alice = await AgentConsolePage.SignInAsync(aliceContext, server.BaseAddress, "alice", AgentConsoleServer.AlicePassword, "Alice Agent");

        // Bob's page gets no live updates, so his Claim button is still there when he clicks: the server must refuse.
        await bobContext.RouteAsync("**/api/agent/events", route => route.AbortAsync());
        var bob = await AgentConsolePage.SignInAsync(bobContext, server.BaseAddress, "bob", AgentConsoleServer.BobPassword, "Bob Agent", expectLive: false);
        var known = await alice.QueuedConversationsAsync();
        var chat = await ChatPage.OpenAsync(customerContext, server.BaseAddress);
        await chat.WaitForCountAsync(ChatPage.BotBubbles, 1);
        await chat.AskAsync(AgentConsoleServer.AskForHuman);
        var conversationId = await alice.WaitForNewConversationAsync(known);
        await alice.OpenAsync(conversationId);
        await bob.OpenByAddressAsync(server.BaseAddress, conversationId);
        await bob.ExpectStateAsync("Pending");

        await alice.Page.ClickAsync("#claim");
        await alice.ExpectStateAsync("Claimed");
        await bob.Page.ClickAsync("#claim");

        await Assertions.Expect(bob.Page.Locator("#conv-notice")).ToHaveTextAsync("Already claimed by Alice Agent.");
        await bob.ExpectStateAsync("Claimed");
        await Assertions.Expect(bob.Page.Locator("#conv-owner")).ToContainTextAsync("Alice Agent");
        await Assertions.Expect(bob.Page.Locator("#reply-text")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task HostileCustomerText_IsShownLiterallyAndNeverRuns()
    {
        string[] hostile = ["<img src=x onerror=alert(1)>", "<script>alert('xss')</script>", "<b>bold?</b> [link](javascript:alert(1))"];
        await using var agentContext = await fixture.Browser.NewContextAsync();
        await using var customerContext = await fixture.Browser.NewContextAsync();
        var agent = await AgentConsolePage.SignInAsync(agentContext, server.BaseAddress, "alice", AgentConsoleServer.AlicePassword, "Alice Agent");
        var known = await agent.QueuedConversationsAsync();
        var chat = await ChatPage.OpenAsync(customerContext, server.BaseAddress);
        await chat.WaitForCountAsync(ChatPage.BotBubbles, 1);
        foreach (var text in hostile)
        {
            await chat.AskAsync(text);
        }

        await chat.AskAsync(AgentConsoleServer.AskForHuman);
        var conversationId = await agent.WaitForNewConversationAsync(known);
        await agent.OpenAsync(conversationId);
        await agent.WaitForCustomerMessageAsync(AgentConsoleServer.AskForHuman);

        var shown = await agent.CustomerMessagesAsync();
        foreach (var text in hostile)
        {
            Assert.Contains(text, shown);
        }

        Assert.Equal(0, await agent.Page.Locator("#transcript img, #transcript script, #transcript b, #transcript a[href^='javascript']").CountAsync());
        Assert.Empty(agent.Dialogs);
        Assert.True(agent.Errors.Count == 0, string.Join(" | ", agent.Errors));
    }

    private static async Task WaitForBubbleAsync(ChatPage chat, string text) =>
        await Assertions.Expect(chat.Page.Locator(AgentBubbles, new PageLocatorOptions { HasTextString = text }).First)
            .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = (float)Timeout.TotalMilliseconds });

    // Set AGENT_PAGE_SCREENSHOT to a folder to keep pictures of the console (for docs and reviews).
    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("AGENT_PAGE_SCREENSHOT") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"agent-{name}.png"), FullPage = true });
        }
    }
}

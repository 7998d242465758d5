using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace CustomerService.EndToEnd.Tests.Agents;

/// <summary>The <c>/agent</c> page in a browser tab, driven the way an agent uses it.</summary>
public sealed class AgentConsolePage
{
    public const string QueueItems = ".queue-item";
    private const float Timeout = 60_000;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _dialogs = new();

    private AgentConsolePage(IPage page)
    {
        Page = page;
        page.PageError += (_, error) => _errors.Enqueue(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Enqueue(message.Text + " @ " + message.Location);
            }
        };

        // An alert() would mean a customer's text ran as script.
        page.Dialog += async (_, dialog) =>
        {
            _dialogs.Enqueue(dialog.Message);
            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    /// <summary>Script errors, console errors (CSP violations land here) and failed requests.</summary>
    public IReadOnlyCollection<string> Errors => _errors.ToArray();

    public IReadOnlyCollection<string> Dialogs => _dialogs.ToArray();

    /// <summary>Opens <c>/agent</c>, which sends a signed-out browser to the sign-in form, and signs in.</summary>
    public static async Task<AgentConsolePage> SignInAsync(IBrowserContext context, Uri server, string userName, string password, string displayName, bool expectLive = true)
    {
        var page = await context.NewPageAsync();
        var console = new AgentConsolePage(page);
        await page.GotoAsync(new Uri(server, "/agent").ToString());
        await page.WaitForURLAsync("**/agent/login?returnUrl=*", new PageWaitForURLOptions { Timeout = Timeout });
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(new Uri(server, "/agent").ToString(), new PageWaitForURLOptions { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#agent-name")).ToHaveTextAsync(displayName, new LocatorAssertionsToHaveTextOptions { Timeout = Timeout });
        if (expectLive)
        {
            await Assertions.Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new LocatorAssertionsToHaveAttributeOptions { Timeout = Timeout });
        }

        return console;
    }

    public async Task<IReadOnlyList<string>> QueuedConversationsAsync()
    {
        var ids = new List<string>();
        foreach (var item in await Page.Locator(QueueItems).AllAsync())
        {
            ids.Add(await item.GetAttributeAsync("data-conversation") ?? string.Empty);
        }

        return ids;
    }

    /// <summary>Waits until the queue shows a conversation that is not in <paramref name="known"/>; returns its id.</summary>
    public async Task<string> WaitForNewConversationAsync(IReadOnlyCollection<string> known)
    {
        var handle = await Page.WaitForFunctionAsync(
            "known => [...document.querySelectorAll('.queue-item')].map(e => e.dataset.conversation).find(id => !known.includes(id)) || null",
            known.ToArray(),
            new PageWaitForFunctionOptions { Timeout = Timeout, PollingInterval = 100 });
        return await handle.JsonValueAsync<string>();
    }

    public async Task OpenAsync(string conversationId)
    {
        await Page.Locator($"{QueueItems}[data-conversation=\"{conversationId}\"]").ClickAsync();
        await Assertions.Expect(Page.Locator("#conversation")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Timeout });
    }

    /// <summary>Opens a conversation by its address, as the link on a Slack card does.</summary>
    public async Task OpenByAddressAsync(Uri server, string conversationId)
    {
        await Page.GotoAsync(new Uri(server, "/agent/conversations/" + Uri.EscapeDataString(conversationId)).ToString());
        await Assertions.Expect(Page.Locator("#conversation")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Timeout });
    }

    public Task ExpectStateAsync(string label) =>
        Assertions.Expect(Page.Locator("#conv-state")).ToHaveTextAsync(label, new LocatorAssertionsToHaveTextOptions { Timeout = Timeout });

    public Task<IReadOnlyList<string>> CustomerMessagesAsync() => Page.Locator("#transcript .msg.customer .text").AllTextContentsAsync();

    public Task WaitForCustomerMessageAsync(string text) =>
        Assertions.Expect(Page.Locator("#transcript .msg.customer .text", new PageLocatorOptions { HasTextString = text }).First)
            .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Timeout });

    public async Task ReplyAsync(string text)
    {
        await Assertions.Expect(Page.Locator("#reply-text")).ToBeEnabledAsync(new LocatorAssertionsToBeEnabledOptions { Timeout = Timeout });
        await Page.FillAsync("#reply-text", text);
        await Page.PressAsync("#reply-text", "Enter");
        await Assertions.Expect(Page.Locator("#transcript .msg.agent .text", new PageLocatorOptions { HasTextString = text }).First)
            .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Timeout });
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace CustomerService.EndToEnd.Tests;

/// <summary>
/// The chat page in a real browser tab. Besides the DOM it watches the Direct Line WebSocket frames the page
/// receives, so a test knows which reply answers which message (replyToId) and when it arrived.
/// </summary>
public sealed class ChatPage
{
    public const string SendBox = "[data-id=\"webchat-sendbox-input\"]";
    public const string UserBubbles = ".webchat__bubble--from-user .webchat__bubble__content";
    public const string BotBubbles = ".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content";
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(90);

    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _echoIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(string Text, long ArrivedAt)>> _replies = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _pageErrors = new();

    private ChatPage(IPage page)
    {
        Page = page;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => OnFrame(frame.Text);
        page.PageError += (_, error) => _pageErrors.Enqueue(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _pageErrors.Enqueue($"{message.Text} ({message.Location})");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _pageErrors.Enqueue($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Script errors and console errors the page reported (CSP violations show up here).</summary>
    public IReadOnlyCollection<string> PageErrors => _pageErrors.ToArray();

    public static async Task<ChatPage> OpenAsync(IBrowserContext context, Uri address)
    {
        var page = await context.NewPageAsync();
        var chat = new ChatPage(page);
        await page.GotoAsync(address.ToString());
        await page.WaitForSelectorAsync(SendBox, new PageWaitForSelectorOptions { Timeout = 60_000 });
        return chat;
    }

    /// <summary>Types a message, sends it, and returns its server id and the reply's text and latency.</summary>
    public async Task<(string Id, string Reply, TimeSpan Latency)> AskAsync(string text)
    {
        var echo = _echoIds.GetOrAdd(text, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        await Page.FillAsync(SendBox, text);
        var started = Stopwatch.GetTimestamp();
        await Page.PressAsync(SendBox, "Enter");
        var id = await echo.Task.WaitAsync(ReplyTimeout);
        var reply = await ReplyTo(id).Task.WaitAsync(ReplyTimeout);
        _echoIds.TryRemove(text, out _);
        return (id, reply.Text, Stopwatch.GetElapsedTime(started, reply.ArrivedAt));
    }

    public Task<int> CountAsync(string selector) => Page.Locator(selector).CountAsync();

    public Task WaitForCountAsync(string selector, int atLeast) =>
        Page.WaitForFunctionAsync(
            "([selector, count]) => document.querySelectorAll(selector).length >= count",
            new object[] { selector, atLeast },
            new PageWaitForFunctionOptions { Timeout = (float)ReplyTimeout.TotalMilliseconds });

    private TaskCompletionSource<(string Text, long ArrivedAt)> ReplyTo(string id) =>
        _replies.GetOrAdd(id, _ => new TaskCompletionSource<(string Text, long ArrivedAt)>(TaskCreationOptions.RunContinuationsAsynchronously));

    private void OnFrame(string? text)
    {
        var arrivedAt = Stopwatch.GetTimestamp();
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var node in JsonNode.Parse(text)?["activities"]?.AsArray() ?? [])
        {
            var activity = node!.AsObject();
            var role = activity["from"]?["role"]?.GetValue<string>();
            var type = activity["type"]?.GetValue<string>();
            if (role == "user" && type == "message" && activity["text"]?.GetValue<string>() is { } said
                && _echoIds.TryGetValue(said, out var echo))
            {
                echo.TrySetResult(activity["id"]!.GetValue<string>());
            }
            else if (role == "bot" && type == "message" && activity["replyToId"]?.GetValue<string>() is { } replyTo)
            {
                ReplyTo(replyTo).TrySetResult((activity["text"]?.GetValue<string>() ?? string.Empty, arrivedAt));
            }
        }
    }
}

using CustomerService.Bot.Channels.Slack.BlockKit;
using CustomerService.Bot.Channels.Slack.Events;
using CustomerService.Bot.Channels.Slack.WebApi;
using CustomerService.Core.Activities;
using CustomerService.Core.Ports;
using Microsoft.Extensions.Logging;

namespace CustomerService.Bot.Channels.Slack;

/// <summary>
/// The Slack channel's way out: posts bot and agent messages with chat.postMessage into the conversation's thread.
/// A turn passes the thread of the message it answers; without one (an agent reply later) the thread comes from the
/// conversation id, and a DM conversation gets a top-level message.
/// </summary>
internal sealed class SlackReplySink(ISlackApiClient api, ILogger<SlackReplySink> logger, string? channel = null, string? threadTs = null)
    : IReplySink
{
    // Slack renders long text poorly and truncates at 40,000 characters; longer replies are split.
    private const int MaxParts = 5;

    // Slack has no bot typing indicator over the Web API, and streamed chunks would each become a message.
    public ValueTask SendEphemeralAsync(string conversationId, Activity activity, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    public async ValueTask PublishAsync(string conversationId, IReadOnlyList<StoredActivity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (!TryTarget(conversationId, out var targetChannel, out var targetThread))
        {
            Log.SlackReplyFailed(logger, conversationId, "unknown_conversation");
            return;
        }

        foreach (var stored in activities)
        {
            var text = Render(stored.Activity);
            if (text is null)
            {
                continue;
            }

            // Reply text may carry the customer's data: only its size is logged.
            var parts = Split(SlackMarkdown.Escape(text)).ToList();
            Log.SlackReplyPosting(logger, conversationId, text.Length, parts.Count);
            try
            {
                foreach (var part in parts)
                {
                    await api.PostMessageAsync(new ChatPostMessageRequest { Channel = targetChannel, Text = part, ThreadTs = targetThread }, cancellationToken);
                }
            }
            catch (SlackApiException ex)
            {
                // The reply is in the transcript already; a Slack outage must not fail a committed turn.
                Log.SlackReplyFailed(logger, conversationId, ex.ErrorCode);
            }
        }
    }

    private bool TryTarget(string conversationId, out string targetChannel, out string? targetThread)
    {
        if (channel is not null)
        {
            targetChannel = channel;
            targetThread = threadTs;
            return true;
        }

        return SlackConversationId.TryParse(conversationId, out targetChannel, out targetThread);
    }

    private static string? Render(Activity activity)
    {
        if (activity.Type != ActivityTypes.Message || activity.From?.Role is not (RoleTypes.Bot or RoleTypes.Agent))
        {
            return null;
        }

        var text = activity.Text?.Trim();
        var options = activity.SuggestedActions?.Actions
            .Select(a => a.Title ?? a.Value)
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .ToList();
        if (options is { Count: > 0 })
        {
            // Slack has no quick replies for a bot's DM without interactivity; list them so the customer can type one.
            text = (text is { Length: > 0 } ? text + "\n" : string.Empty) + "You can say: " + string.Join(" · ", options);
        }

        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return activity.From.Role == RoleTypes.Agent && activity.From.Name is { Length: > 0 } name
            ? name + ": " + text
            : text;
    }

    private static IEnumerable<string> Split(string text)
    {
        var remaining = text;
        for (var part = 0; part < MaxParts && remaining.Length > 0; part++)
        {
            if (remaining.Length <= SlackLimits.MaxMessageText || part == MaxParts - 1)
            {
                yield return SlackMarkdown.Truncate(remaining, SlackLimits.MaxMessageText);
                yield break;
            }

            var cut = remaining.LastIndexOf(' ', SlackLimits.MaxMessageText - 1, 400);
            if (cut <= 0)
            {
                cut = SlackLimits.MaxMessageText;
                if (char.IsHighSurrogate(remaining[cut - 1]))
                {
                    cut--;
                }
            }

            // Never split an escape such as "&amp;".
            var amp = remaining.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
            if (amp >= 0 && remaining.IndexOf(';', amp) >= cut)
            {
                cut = amp;
            }

            yield return remaining[..cut];
            remaining = remaining[cut..].TrimStart();
        }
    }
}

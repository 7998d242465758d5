using System.Text;
using System.Text.Json;
using CustomerService.Bot.Channels.Slack.Escalations;
using CustomerService.Bot.Channels.Slack.Events;
using CustomerService.Bot.Channels.Slack.Work;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace CustomerService.Bot.Channels.Slack.Interactivity;

/// <summary>
/// Takes in <c>block_actions</c> from the card buttons, queues the claim or resolve, and returns at once: Slack wants
/// its 200 within 3 s and shows an error marker otherwise (slack.md §5). The work itself is idempotent.
/// </summary>
internal sealed class SlackInteractionReceiver(SlackWorkQueue queue, TimeProvider timeProvider, ILogger<SlackInteractionReceiver> logger)
{
    private static readonly TimeSpan EnqueueWait = TimeSpan.FromSeconds(1);

    /// <summary>Reads the form body <c>payload=&lt;url-encoded JSON&gt;</c> (already signature-checked).</summary>
    public Task<SlackReceiveResult> ReceiveFormAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        string form;
        try
        {
            form = new UTF8Encoding(false, true).GetString(body.Span);
        }
        catch (DecoderFallbackException)
        {
            return Task.FromResult(SlackReceiveResult.Bad("The body is not UTF-8."));
        }

        var fields = QueryHelpers.ParseQuery(form);
        if (!fields.TryGetValue("payload", out var payload) || payload.Count != 1 || string.IsNullOrEmpty(payload[0]))
        {
            return Task.FromResult(SlackReceiveResult.Bad("The form has no payload field."));
        }

        return ReceivePayloadAsync(Encoding.UTF8.GetBytes(payload[0]!), cancellationToken);
    }

    /// <summary>Reads the payload JSON itself (Socket Mode sends it unwrapped).</summary>
    public async Task<SlackReceiveResult> ReceivePayloadAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        SlackInteractionPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<SlackInteractionPayload>(json.Span, SlackJson.Options);
        }
        catch (JsonException)
        {
            return SlackReceiveResult.Bad("The payload is not a Slack interaction JSON object.");
        }

        if (payload is null)
        {
            return SlackReceiveResult.Bad("The payload is not a Slack interaction JSON object.");
        }

        if (payload.Type != "block_actions")
        {
            Log.SlackInteractionIgnored(logger, payload.Type is { Length: <= 64 } type ? type : null);
            return SlackReceiveResult.Accepted;
        }

        var user = payload.User?.Id;
        var channel = payload.Container?.ChannelId ?? payload.Channel?.Id;
        var messageTs = payload.Container?.MessageTs ?? payload.Message?.Ts;
        if (!IsId(user) || !IsId(channel) || messageTs is not { Length: > 0 and <= 32 })
        {
            return SlackReceiveResult.Bad("block_actions without user, channel or message.");
        }

        foreach (var action in payload.Actions ?? [])
        {
            if (action.ActionId is not (EscalationActionIds.Claim or EscalationActionIds.Resolve))
            {
                // The agent page link button also reports a click; there is nothing to do for it.
                continue;
            }

            if (action.Value is not { Length: > 0 and <= 200 } conversationId)
            {
                return SlackReceiveResult.Bad("Card action without a conversation.");
            }

            var name = payload.User?.Username ?? payload.User?.Name;
            var work = new SlackCardActionWork(action.ActionId, conversationId, user!, name is { Length: <= 100 } ? name : null, channel!, messageTs);
            if (!await queue.TryEnqueueAsync(work, EnqueueWait, timeProvider, cancellationToken))
            {
                return SlackReceiveResult.Busy;
            }
        }

        return SlackReceiveResult.Accepted;
    }

    private static bool IsId(string? value) => value is { Length: > 0 and <= 32 } && value.All(char.IsAsciiLetterOrDigit);
}

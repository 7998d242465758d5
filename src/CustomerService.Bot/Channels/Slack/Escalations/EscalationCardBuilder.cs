using System.Globalization;
using System.Text;
using CustomerService.Bot.Channels.Slack.BlockKit;
using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack.Escalations;

/// <summary>
/// Builds the agents' Block Kit card from typed blocks (serialised, never interpolated JSON). Customer text is
/// redacted, mrkdwn-escaped (so <c>&lt;!channel&gt;</c> pings nobody) and cut to Slack's limits (slack.md §4).
/// </summary>
internal sealed class EscalationCardBuilder(ITextRedactor redactor, IOptions<SlackOptions> options)
{
    // Each quoted line stays short so several fit in one 3000-character section.
    private const int MaxLineLength = 500;
    private const int MaxAlternatives = 5;

    public EscalationCardMessage Build(EscalationCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.State == EscalationCardState.Erased)
        {
            return Tombstone();
        }

        var blocks = new List<SlackBlock>
        {
            new HeaderBlock(SlackText.Plain(SlackMarkdown.Plain(Headline(card), SlackLimits.MaxHeaderText))),
            new SectionBlock
            {
                Fields =
                [
                    Field("Customer", CustomerLabel(card)),
                    Field("Channel", SlackMarkdown.Escape(card.ChannelId)),
                    Field("Intent", card.Prediction is null ? "_none_" : SlackMarkdown.Escape(card.Prediction.Intent)),
                    Field("Confidence", card.Prediction is null ? "_n/a_" : Percent(card.Prediction.Confidence)),
                    Field("Why", SlackMarkdown.Escape(Describe(card.Reason))),
                    Field("Status", StatusText(card)),
                ],
            },
        };

        var alternatives = Alternatives(card.Prediction);
        if (alternatives is not null)
        {
            blocks.Add(Section("*Top alternatives*\n" + alternatives));
        }

        blocks.Add(Section("*Last messages*\n" + RecentMessages(card.RecentMessages)));

        var page = AgentPageUrl(card.ConversationId);
        var buttons = new List<ButtonElement>();
        if (card.State == EscalationCardState.Pending)
        {
            buttons.Add(Button("Claim", EscalationActionIds.Claim, card.ConversationId, "primary"));
        }

        if (card.State is EscalationCardState.Pending or EscalationCardState.Claimed)
        {
            buttons.Add(Button("Resolve", EscalationActionIds.Resolve, card.ConversationId, "danger"));
        }

        if (page is not null)
        {
            buttons.Add(new ButtonElement
            {
                Text = SlackText.Plain("Open agent page"),
                ActionId = EscalationActionIds.OpenAgentPage,
                Url = page,
            });
        }

        if (buttons.Count > 0)
        {
            // A fresh block_id per state, so Slack does not keep the old buttons' state (slack.md §4).
            blocks.Add(new ActionsBlock(buttons) { BlockId = "escalation_actions_" + card.State.ToString().ToLowerInvariant() });
        }

        blocks.Add(new ContextBlock(
        [
            SlackText.Markdown(card.State == EscalationCardState.Claimed
                ? "Reply in this thread to answer the customer. Start a reply with `" + SlackMarkdown.Escape(options.Value.InternalNotePrefix) + "` for an internal note."
                : "Claim the conversation, then reply in this thread to answer the customer."),
        ]));

        return new EscalationCardMessage(FallbackText(card), blocks);
    }

    private static EscalationCardMessage Tombstone() => new(
        "Escalation removed: the customer's data was erased.",
        [
            new SectionBlock { Text = SlackText.Markdown(":wastebasket: *Erased.* This escalation's customer data was deleted at the customer's request.") },
        ]);

    private static string Headline(EscalationCard card) => card.State switch
    {
        EscalationCardState.Claimed => "Escalation claimed",
        EscalationCardState.Resolved => "Escalation resolved",
        _ => "Customer needs an agent",
    };

    // Notification text: no customer text, so nothing personal lands in push notifications.
    private static string FallbackText(EscalationCard card) =>
        $"Escalation ({Describe(card.Reason)}) from {SlackMarkdown.EscapeAndTruncate(card.ChannelId, 64)}: {card.State.ToString().ToLowerInvariant()}";

    private string CustomerLabel(EscalationCard card)
    {
        var id = SlackMarkdown.EscapeAndTruncate(card.CustomerId, 200);
        return string.IsNullOrWhiteSpace(card.CustomerName)
            ? id
            : SlackMarkdown.EscapeAndTruncate(redactor.Redact(card.CustomerName), 200) + "\n" + id;
    }

    private static string StatusText(EscalationCard card) => card.State switch
    {
        EscalationCardState.Pending => ":hourglass_flowing_sand: Waiting for an agent",
        EscalationCardState.Claimed => ":raising_hand: Claimed by " + AgentLabel(card.Agent),
        EscalationCardState.Resolved => ":white_check_mark: Resolved by " + AgentLabel(card.Agent),
        _ => string.Empty,
    };

    private static string AgentLabel(string? agent)
    {
        if (string.IsNullOrWhiteSpace(agent))
        {
            return "an agent";
        }

        // A Slack user id renders as a mention of that agent; anything else (agent page login) is plain text.
        return agent.Length <= 32 && agent[0] is 'U' or 'W' && agent.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
            ? "<@" + agent + ">"
            : SlackMarkdown.EscapeAndTruncate(agent, 100);
    }

    private static string? Alternatives(IntentPrediction? prediction)
    {
        if (prediction is null || prediction.Alternatives.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var score in prediction.Alternatives.Take(MaxAlternatives))
        {
            builder.Append("• ").Append(SlackMarkdown.EscapeAndTruncate(score.Intent, 100))
                .Append(" (").Append(Percent(score.Confidence)).Append(")\n");
        }

        return builder.ToString().TrimEnd('\n');
    }

    private string RecentMessages(IReadOnlyList<string> messages)
    {
        if (messages.Count == 0)
        {
            return "_No messages._";
        }

        var lines = new List<string>();
        var budget = SlackLimits.MaxSectionText - "*Last messages*\n".Length;
        foreach (var message in messages.Reverse().Take(options.Value.CardRecentMessages))
        {
            // Redact before escaping, so the redactor sees the text as the customer wrote it.
            var line = "> " + SlackMarkdown.EscapeAndTruncate(redactor.Redact(message).ReplaceLineEndings(" "), MaxLineLength);
            if (line.Length + 1 > budget)
            {
                break;
            }

            budget -= line.Length + 1;
            lines.Add(line);
        }

        lines.Reverse();
        return string.Join('\n', lines);
    }

    private Uri? AgentPageUrl(string conversationId)
    {
        var root = options.Value.AgentPageBaseUrl;
        if (root is null)
        {
            return null;
        }

        var url = new Uri(root, "agent/conversations/" + Uri.EscapeDataString(conversationId));
        return url.AbsoluteUri.Length <= SlackLimits.MaxUrl ? url : null;
    }

    private static ButtonElement Button(string text, string actionId, string value, string style) => new()
    {
        Text = SlackText.Plain(SlackMarkdown.Plain(text, SlackLimits.MaxButtonText)),
        ActionId = actionId,
        Value = value.Length <= SlackLimits.MaxButtonValue ? value : throw new ArgumentException("Conversation id too long for a button value.", nameof(value)),
        Style = style,
    };

    private static SlackText Field(string label, string value) =>
        SlackText.Markdown(SlackMarkdown.Truncate("*" + label + "*\n" + value, SlackLimits.MaxSectionField));

    private static SectionBlock Section(string markdown) =>
        new() { Text = SlackText.Markdown(SlackMarkdown.Truncate(markdown, SlackLimits.MaxSectionText)) };

    private static string Percent(float confidence) =>
        float.IsFinite(confidence)
            ? (Math.Clamp(confidence, 0f, 1f) * 100).ToString("0", CultureInfo.InvariantCulture) + "%"
            : "n/a";

    private static string Describe(EscalationReason reason) => reason switch
    {
        EscalationReason.ExplicitRequest => "The customer asked for a human",
        EscalationReason.LowConfidence => "The bot did not understand several times",
        EscalationReason.OutOfScope => "Repeated out-of-scope questions",
        EscalationReason.EscalateAlwaysIntent => "This topic always goes to an agent",
        EscalationReason.GeneratorFailure => "The answer generator failed",
        EscalationReason.TurnError => "The bot hit an error",
        _ => "Other",
    };
}

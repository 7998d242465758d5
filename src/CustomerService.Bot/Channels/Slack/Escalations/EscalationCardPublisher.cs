using CustomerService.Bot.Channels.Slack.WebApi;
using CustomerService.Core.Ports;
using CustomerService.Data.Escalations;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack.Escalations;

/// <summary>
/// Posts an escalation's card once and edits it afterwards. The card's (channel, ts) is stored on the escalation
/// right after the post and before the outbox row is marked, so a retry after a crash edits instead of posting again.
/// </summary>
internal sealed class EscalationCardPublisher(
    ISlackApiClient api, IEscalationStore store, EscalationCardBuilder builder, IOptions<SlackOptions> options)
{
    private const string MetadataEventType = "customer_service_escalation";

    public async Task PublishAsync(EscalationDetails details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var card = builder.Build(ToCard(details));
        if (details.SlackChannel is { } channel && details.SlackMessageTs is { } ts)
        {
            try
            {
                await api.UpdateMessageAsync(new ChatUpdateRequest { Channel = channel, Ts = ts, Text = card.Text, Blocks = card.Blocks }, cancellationToken);
                return;
            }
            catch (SlackApiException ex) when (ex.ErrorCode == "message_not_found")
            {
                // Someone deleted the card; agents still need one, so post it anew below.
            }
        }

        var posted = await api.PostMessageAsync(
            new ChatPostMessageRequest
            {
                Channel = options.Value.EscalationChannel!,
                Text = card.Text,
                Blocks = card.Blocks,

                // Lets an operator find our cards (and a duplicate, should a crash land between post and record).
                Metadata = new SlackMessageMetadata(MetadataEventType, new Dictionary<string, string> { ["escalation_id"] = details.Summary.Id }),
            },
            cancellationToken);

        if (!await store.SetSlackMessageAsync(details.Summary.Id, posted.Channel, posted.Ts, cancellationToken))
        {
            // Erased between read and post: leave no customer data behind in Slack.
            await TombstoneAsync(posted.Channel, posted.Ts, cancellationToken);
        }
    }

    public async Task TombstoneAsync(string channel, string ts, CancellationToken cancellationToken)
    {
        var card = builder.Build(new EscalationCard(string.Empty, string.Empty, null, string.Empty, default, null, [], EscalationCardState.Erased, null));
        try
        {
            await api.UpdateMessageAsync(new ChatUpdateRequest { Channel = channel, Ts = ts, Text = card.Text, Blocks = card.Blocks }, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.ErrorCode == "message_not_found")
        {
            // Already gone, which is what erasure wants.
        }
    }

    internal static EscalationCard ToCard(EscalationDetails details)
    {
        var summary = details.Summary;
        var prediction = summary.Intent is null
            ? null
            : new IntentPrediction(summary.Intent, summary.Confidence ?? 0f, details.Alternatives);
        var (state, agent) = summary.State switch
        {
            EscalationState.Claimed => (EscalationCardState.Claimed, summary.ClaimedBy),
            EscalationState.Resolved => (EscalationCardState.Resolved, details.ResolvedBy),
            _ => (EscalationCardState.Pending, (string?)null),
        };
        return new EscalationCard(
            summary.ConversationId, summary.CustomerId, summary.CustomerName, summary.ChannelId, summary.Reason,
            prediction, details.RecentMessages, state, agent);
    }
}

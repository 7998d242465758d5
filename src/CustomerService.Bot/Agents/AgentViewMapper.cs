using System.Text.Json;
using CustomerService.Core.Conversations;
using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;
using CustomerService.Data.Agents;
using CustomerService.Data.Escalations;

namespace CustomerService.Bot.Agents;

/// <summary>Maps store read models to the console's JSON views; enum values become camelCase strings.</summary>
internal static class AgentViewMapper
{
    public static string Name(HandoffState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    public static string Name(EscalationState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    public static string Name(EscalationReason reason) => JsonNamingPolicy.CamelCase.ConvertName(reason.ToString());

    public static AgentQueueItem ToQueueItem(EscalationSummary summary, AgentAccountStore accounts) => new(
        summary.Id,
        summary.ConversationId,
        summary.ChannelId,
        summary.CustomerId,
        summary.CustomerName,
        Name(summary.State),
        Name(summary.Reason),
        summary.Intent,
        summary.Confidence,
        summary.ClaimedBy,
        accounts.DisplayNameOf(summary.ClaimedBy),
        summary.CreatedAt,
        summary.UpdatedAt);

    public static AgentEscalationView ToView(EscalationDetails details, AgentAccountStore accounts)
    {
        var summary = details.Summary;
        return new AgentEscalationView(
            summary.Id,
            Name(summary.State),
            Name(summary.Reason),
            summary.Intent,
            summary.Confidence,
            details.Alternatives,
            details.RecentMessages,
            summary.CreatedAt,
            summary.ClaimedBy,
            accounts.DisplayNameOf(summary.ClaimedBy),
            details.ClaimedAt,
            details.ResolvedBy,
            accounts.DisplayNameOf(details.ResolvedBy),
            details.ResolvedAt);
    }

    public static AgentCustomerView ToView(string customerId, CustomerProfile? profile, string currentConversationId)
    {
        if (profile is null)
        {
            return new AgentCustomerView(customerId, null, null, [], [], [], []);
        }

        return new AgentCustomerView(
            profile.Id,
            profile.DisplayName,
            profile.CreatedAt,
            [.. profile.Identities.Select(i => new AgentChannelIdentity(i.ChannelId, i.ChannelUserId))],
            [.. profile.Facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new AgentProfileFact(f.Key, f.Value))],
            profile.Orders,
            [.. profile.Conversations
                .Where(c => c.Id != currentConversationId)
                .Select(c => new AgentPastConversation(c.Id, c.ChannelId, Name(c.Handoff), c.LastIntent, c.MessageCount, c.CreatedAt, c.LastActivityAt))]);
    }

    public static AgentTranscriptItem ToItem(TranscriptEntry entry, StoredActivity? stored)
    {
        var activity = stored?.Activity;
        IReadOnlyList<string>? attachments = activity?.Attachments is { Count: > 0 } list
            ? [.. list.Select(a => a.Name ?? a.ContentType)]
            : null;
        return new AgentTranscriptItem(
            entry.Sequence,
            entry.ActivityId,
            entry.Type,
            activity?.Name,
            entry.Role ?? activity?.From?.Role,
            entry.FromId,
            activity?.From?.Name,
            entry.Text,
            entry.Intent,
            entry.Confidence,
            entry.DialogId,
            entry.Timestamp,
            attachments);
    }

    public static AgentMisunderstoodItem ToItem(MisunderstoodMessage message, ITextRedactor redactor) => new(
        message.ActivityId,
        message.ConversationId,
        message.Text is null ? null : redactor.Redact(message.Text),
        message.Intent,
        message.Confidence,
        message.Timestamp);
}

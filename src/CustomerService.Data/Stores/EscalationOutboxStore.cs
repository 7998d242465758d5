using System.Text.Json;
using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;
using CustomerService.Data.Entities;
using CustomerService.Data.Escalations;
using CustomerService.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomerService.Data.Stores;

/// <summary>
/// Stages the escalation and its <c>escalation.created</c> outbox row on the turn's context: both commit with
/// the transcript and state, or neither does (eShop's transactional outbox without a second database).
/// </summary>
internal sealed class EscalationOutboxStore(
    CustomerServiceDbContext db,
    TimeProvider timeProvider,
    ILogger<EscalationOutboxStore> logger) : IEscalationOutbox
{
    private const int MaxRecentMessages = 20;
    private const int MaxRecentMessageLength = 2000;

    public async Task EnqueueAsync(EscalationRequest escalation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        InputGuard.ConversationId(escalation.ConversationId, "escalation.ConversationId");
        ArgumentException.ThrowIfNullOrWhiteSpace(escalation.CustomerId, "escalation.CustomerId");
        InputGuard.Id(escalation.ChannelId, DataLimits.MaxChannelIdLength, "escalation.ChannelId");

        // One open escalation per conversation: a second request while agents already have it adds nothing.
        var open = db.Escalations.Local
                .Where(e => e.ConversationId == escalation.ConversationId && e.State != EscalationState.Resolved)
                .Select(e => e.Id)
                .FirstOrDefault()
            ?? await db.Escalations.AsNoTracking()
                .Where(e => e.ConversationId == escalation.ConversationId && e.State != EscalationState.Resolved)
                .Select(e => e.Id)
                .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            Log.EscalationAlreadyOpen(logger, escalation.ConversationId, open);
            return;
        }

        var now = timeProvider.GetUtcNow();
        var id = "esc_" + Guid.CreateVersion7(now).ToString("N");
        var prediction = escalation.Prediction;
        db.Escalations.Add(new Escalation
        {
            Id = id,
            ConversationId = escalation.ConversationId,
            CustomerId = escalation.CustomerId,
            ChannelId = escalation.ChannelId,
            Reason = escalation.Reason,
            Intent = prediction?.Intent,
            Confidence = prediction is not null && float.IsFinite(prediction.Confidence) ? prediction.Confidence : null,
            AlternativesJson = JsonSerializer.Serialize(
                (prediction?.Alternatives ?? []).Where(a => float.IsFinite(a.Confidence)).ToArray(),
                EscalationJson.Options),
            RecentMessagesJson = JsonSerializer.Serialize(
                escalation.RecentMessages.TakeLast(MaxRecentMessages).Select(Clip).ToArray(),
                EscalationJson.Options),
            State = EscalationState.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        });
        db.OutboxMessages.Add(OutboxMessageFactory.Create(
            OutboxMessageTypes.EscalationCreated,
            new EscalationOutboxPayload(id),
            id,
            escalation.CustomerId,
            now));
        Log.EscalationStaged(logger, id, escalation.ConversationId, escalation.Reason);
    }

    private static string Clip(string message) =>
        message.Length <= MaxRecentMessageLength ? message : message[..MaxRecentMessageLength] + "…";
}

using System.Text.Json;
using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;
using CustomerService.Core.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomerService.Data.Stores;

/// <summary>
/// The activity log. Inbound activities commit at once on their own context (durable before the channel
/// acknowledges); outbound ones are staged and get their sequences in the turn's commit. Personal data in a
/// customer's text (cards, e-mails, phones, IBANs) is masked before it is stored, so the transcript, its replays
/// and the turn itself only ever see the masked text.
/// </summary>
internal sealed class TranscriptStore(
    CustomerServiceDbContext db,
    IDbContextFactory<CustomerServiceDbContext> contextFactory,
    TurnStaging staging,
    ConversationProvisioner provisioner,
    ConversationLocks locks,
    ITextRedactor redactor,
    TimeProvider timeProvider,
    ILogger<TranscriptStore> logger) : ITranscriptStore
{
    // Staged JSON gains an id and a timestamp at commit; keep room for them under the limit.
    private const int StagingHeadroom = 512;

    public async Task<StoredActivity> AppendCommittedAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        InputGuard.ConversationId(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        InputGuard.Id(activity.ChannelId, DataLimits.MaxChannelIdLength, "activity.ChannelId");
        activity = MaskCustomerText(activity);

        // The hot path is a known conversation: one write transaction. First sight provisions, then retries.
        var stored = await TryAppendAsync(conversationId, activity, cancellationToken);
        if (stored is null)
        {
            await provisioner.EnsureAsync(activity.ChannelId!, conversationId, activity.From, cancellationToken);
            stored = await TryAppendAsync(conversationId, activity, cancellationToken)
                ?? throw new InvalidOperationException($"Conversation '{conversationId}' was deleted while an activity was appended.");
        }

        return stored;
    }

    private async Task<StoredActivity?> TryAppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        using var held = await locks.AcquireAsync(ConversationProvisioner.ConversationKey(conversationId), cancellationToken);
        await using var appendDb = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await appendDb.Database.BeginTransactionAsync(cancellationToken);

        var now = timeProvider.GetUtcNow();
        var sequence = await SequenceAllocator.TryReserveAsync(appendDb, conversationId, 1, now, cancellationToken);
        if (sequence is null)
        {
            return null;
        }

        var (record, stored) = ActivityRecordMapper.Assign(conversationId, sequence.Value, activity, now);
        appendDb.Activities.Add(record);
        await appendDb.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.ActivityAppended(logger, record.ActivityId, sequence.Value);
        return stored;
    }

    private Activity MaskCustomerText(Activity activity)
    {
        if (activity.Text is not { Length: > 0 } text || !RoleTypes.IsCustomer(activity))
        {
            return activity;
        }

        // The redactor also normalises (NFKC, control characters); keep the customer's exact text when nothing was masked.
        var masked = redactor.Redact(text);
        return masked == CustomerText.Clean(text) ? activity : activity with { Text = masked };
    }

    public void Stage(string conversationId, Activity activity)
    {
        InputGuard.ConversationId(conversationId);
        ArgumentNullException.ThrowIfNull(activity);

        // Fail in the step that produced an oversized reply rather than in the commit of the whole turn.
        var length = JsonSerializer.Serialize(activity, ActivityJson.Options).Length;
        if (length > DataLimits.MaxActivityJsonLength - StagingHeadroom)
        {
            throw new ArgumentException($"The activity is {length} characters as JSON; at most {DataLimits.MaxActivityJsonLength - StagingHeadroom} can be staged.", nameof(activity));
        }

        staging.Add(conversationId, activity);
    }

    public async Task AnnotateAsync(string activityId, TurnAnnotation annotation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        ArgumentNullException.ThrowIfNull(annotation);

        var record = db.Activities.Local.FirstOrDefault(a => a.ActivityId == activityId)
            ?? await db.Activities.SingleOrDefaultAsync(a => a.ActivityId == activityId, cancellationToken);
        if (record is null)
        {
            Log.AnnotationTargetMissing(logger, activityId);
            return;
        }

        record.Intent = annotation.Intent;
        record.Confidence = float.IsFinite(annotation.Confidence) ? Math.Clamp(annotation.Confidence, 0f, 1f) : null;
        record.DialogId = annotation.DialogId;
    }

    public async Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        InputGuard.ConversationId(conversationId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

        var rows = await db.Activities
            .AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > afterSequence)
            .OrderBy(a => a.Sequence)
            .Take(Math.Min(limit, DataLimits.MaxPageSize))
            .Select(a => new { a.Sequence, a.Json })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new StoredActivity(r.Sequence, ActivityRecordMapper.Deserialize(r.Json)));
    }
}

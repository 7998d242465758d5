using System.Linq.Expressions;
using System.Text.Json;
using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;
using CustomerService.Data.Entities;
using CustomerService.Data.Outbox;
using CustomerService.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomerService.Data.Escalations;

/// <summary>Escalation lifecycle for agents, each call on its own short-lived context and transaction.</summary>
internal sealed class EscalationStore(
    IDbContextFactory<CustomerServiceDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<EscalationStore> logger) : IEscalationStore
{
    public async Task<IReadOnlyList<EscalationSummary>> ListAsync(EscalationFilter queue, string? agentId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (queue == EscalationFilter.Mine)
        {
            InputGuard.Id(agentId, DataLimits.MaxAgentIdLength, nameof(agentId));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var escalations = db.Escalations.AsNoTracking();
        escalations = queue switch
        {
            EscalationFilter.Pending => escalations.Where(e => e.State == EscalationState.Pending).OrderBy(e => e.CreatedAt),
            EscalationFilter.Mine => escalations.Where(e => e.State == EscalationState.Claimed && e.ClaimedBy == agentId).OrderBy(e => e.CreatedAt),
            EscalationFilter.Claimed => escalations.Where(e => e.State == EscalationState.Claimed).OrderBy(e => e.CreatedAt),
            EscalationFilter.Resolved => escalations.Where(e => e.State == EscalationState.Resolved).OrderByDescending(e => e.ResolvedAt),
            _ => throw new ArgumentOutOfRangeException(nameof(queue), queue, "Unknown queue."),
        };
        var rows = await Project(db, escalations.Take(Math.Min(limit, DataLimits.MaxPageSize))).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.Summary);
    }

    public Task<EscalationDetails?> GetAsync(string escalationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(escalationId);
        return FindAsync(e => e.Id == escalationId, cancellationToken);
    }

    public Task<EscalationDetails?> FindOpenByConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        return FindAsync(e => e.ConversationId == conversationId && e.State != EscalationState.Resolved, cancellationToken);
    }

    public Task<EscalationDetails?> FindBySlackMessageAsync(string slackChannel, string slackMessageTs, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slackChannel);
        ArgumentException.ThrowIfNullOrWhiteSpace(slackMessageTs);
        return FindAsync(e => e.SlackChannel == slackChannel && e.SlackMessageTs == slackMessageTs, cancellationToken);
    }

    public async Task<ClaimResult> ClaimAsync(string escalationId, string agentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(escalationId);
        InputGuard.Id(agentId, DataLimits.MaxAgentIdLength, nameof(agentId));

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();

        // The compare-and-set: the UPDATE matches only while the row is still Pending, and SQLite runs one
        // writer at a time, so of any number of concurrent claims exactly one changes a row.
        var won = await db.Escalations
            .Where(e => e.Id == escalationId && e.State == EscalationState.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(e => e.State, EscalationState.Claimed)
                    .SetProperty(e => e.ClaimedBy, agentId)
                    .SetProperty(e => e.ClaimedAt, now)
                    .SetProperty(e => e.UpdatedAt, now)
                    .SetProperty(e => e.Version, e => e.Version + 1),
                cancellationToken);

        var current = await db.Escalations
            .Where(e => e.Id == escalationId)
            .Select(e => new { e.State, e.ClaimedBy, e.ConversationId, e.CustomerId })
            .FirstOrDefaultAsync(cancellationToken);
        if (won == 0 || current is null)
        {
            var outcome = current switch
            {
                null => ClaimOutcome.NotFound,
                { State: EscalationState.Resolved } => ClaimOutcome.AlreadyResolved,
                _ when string.Equals(current.ClaimedBy, agentId, StringComparison.Ordinal) => ClaimOutcome.AlreadyYours,
                _ => ClaimOutcome.ClaimedByAnother,
            };
            Log.EscalationClaimRejected(logger, escalationId, agentId, outcome);
            return new ClaimResult(outcome, current?.ClaimedBy);
        }

        await db.Conversations
            .Where(c => c.Id == current.ConversationId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.Handoff, HandoffState.Agent)
                    .SetProperty(c => c.AssignedAgent, agentId)
                    .SetProperty(c => c.UpdatedAt, now),
                cancellationToken);
        db.OutboxMessages.Add(OutboxMessageFactory.Create(
            OutboxMessageTypes.EscalationUpdated, new EscalationOutboxPayload(escalationId), escalationId, current.CustomerId, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.EscalationClaimed(logger, escalationId, agentId);
        return new ClaimResult(ClaimOutcome.Claimed, agentId);
    }

    public async Task<ResolveOutcome> ResolveAsync(string escalationId, string agentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(escalationId);
        InputGuard.Id(agentId, DataLimits.MaxAgentIdLength, nameof(agentId));

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();

        var won = await db.Escalations
            .Where(e => e.Id == escalationId
                && (e.State == EscalationState.Pending || (e.State == EscalationState.Claimed && e.ClaimedBy == agentId)))
            .ExecuteUpdateAsync(
                s => s.SetProperty(e => e.State, EscalationState.Resolved)
                    .SetProperty(e => e.ResolvedBy, agentId)
                    .SetProperty(e => e.ResolvedAt, now)
                    .SetProperty(e => e.UpdatedAt, now)
                    .SetProperty(e => e.Version, e => e.Version + 1),
                cancellationToken);

        var current = await db.Escalations
            .Where(e => e.Id == escalationId)
            .Select(e => new { e.State, e.ConversationId, e.CustomerId })
            .FirstOrDefaultAsync(cancellationToken);
        if (won == 0 || current is null)
        {
            return current switch
            {
                null => ResolveOutcome.NotFound,
                { State: EscalationState.Resolved } => ResolveOutcome.AlreadyResolved,
                _ => ResolveOutcome.ClaimedByAnother,
            };
        }

        await db.Conversations
            .Where(c => c.Id == current.ConversationId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.Handoff, HandoffState.Resolved)
                    .SetProperty(c => c.AssignedAgent, (string?)null)
                    .SetProperty(c => c.UpdatedAt, now),
                cancellationToken);
        db.OutboxMessages.Add(OutboxMessageFactory.Create(
            OutboxMessageTypes.EscalationUpdated, new EscalationOutboxPayload(escalationId), escalationId, current.CustomerId, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.EscalationResolved(logger, escalationId, agentId);
        return ResolveOutcome.Resolved;
    }

    public async Task<bool> SetSlackMessageAsync(string escalationId, string slackChannel, string slackMessageTs, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(escalationId);
        InputGuard.Id(slackChannel, 64, nameof(slackChannel));
        InputGuard.Id(slackMessageTs, 64, nameof(slackMessageTs));

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var updated = await db.Escalations
            .Where(e => e.Id == escalationId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(e => e.SlackChannel, slackChannel)
                    .SetProperty(e => e.SlackMessageTs, slackMessageTs)
                    .SetProperty(e => e.UpdatedAt, now),
                cancellationToken);
        return updated == 1;
    }

    private async Task<EscalationDetails?> FindAsync(Expression<Func<Escalation, bool>> predicate, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await Project(db, db.Escalations.AsNoTracking().Where(predicate).OrderByDescending(e => e.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToDetails(row);
    }

    /// <summary>Loads details of the given escalations in the query's order (also used by export).</summary>
    internal static async Task<List<EscalationDetails>> LoadDetailsAsync(CustomerServiceDbContext db, IQueryable<Escalation> escalations, CancellationToken cancellationToken)
    {
        var rows = await Project(db, escalations.AsNoTracking()).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToDetails);
    }

    private static IQueryable<Row> Project(CustomerServiceDbContext db, IQueryable<Escalation> escalations) =>
        // Correlated subqueries rather than a join, so the caller's ordering survives the projection.
        from e in escalations
        select new Row(
            new EscalationSummary(
                e.Id,
                e.ConversationId,
                e.CustomerId,
                db.ProfileFacts.Where(f => f.CustomerId == e.CustomerId && f.Key == ProfileFactKeys.Name).Select(f => f.Value).FirstOrDefault()
                    ?? db.Customers.Where(c => c.Id == e.CustomerId).Select(c => c.DisplayName).FirstOrDefault(),
                e.ChannelId,
                e.Reason,
                e.Intent,
                e.Confidence,
                e.State,
                e.ClaimedBy,
                e.CreatedAt,
                e.UpdatedAt),
            e.AlternativesJson,
            e.RecentMessagesJson,
            e.ClaimedAt,
            e.ResolvedBy,
            e.ResolvedAt,
            e.SlackChannel,
            e.SlackMessageTs,
            e.Version);

    private static EscalationDetails ToDetails(Row row) => new(
        row.Summary,
        ReadJson<IntentScore[]>(row.AlternativesJson) ?? [],
        ReadJson<string[]>(row.RecentMessagesJson) ?? [],
        row.ClaimedAt,
        row.ResolvedBy,
        row.ResolvedAt,
        row.SlackChannel,
        row.SlackMessageTs,
        row.Version);

    private static T? ReadJson<T>(string json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, EscalationJson.Options);
        }
        catch (JsonException)
        {
            // Written by us; an unreadable value shows as empty rather than failing the agent page.
            return null;
        }
    }

    private sealed record Row(
        EscalationSummary Summary,
        string AlternativesJson,
        string RecentMessagesJson,
        DateTimeOffset? ClaimedAt,
        string? ResolvedBy,
        DateTimeOffset? ResolvedAt,
        string? SlackChannel,
        string? SlackMessageTs,
        long Version);
}

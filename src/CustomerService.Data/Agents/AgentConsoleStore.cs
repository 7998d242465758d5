using CustomerService.Core.Activities;
using CustomerService.Data.Stores;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Data.Agents;

/// <summary>Agent page queries on short-lived, no-tracking contexts.</summary>
internal sealed class AgentConsoleStore(IDbContextFactory<CustomerServiceDbContext> contextFactory) : IAgentConsoleStore
{
    private const int MaxConversations = 50;

    public async Task<ConversationSummary?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(db, db.Conversations.Where(c => c.Id == conversationId)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> GetTranscriptAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > afterSequence)
            .OrderBy(a => a.Sequence)
            .Take(Math.Min(limit, DataLimits.MaxPageSize))
            .Select(a => new TranscriptEntry(a.Sequence, a.ActivityId, a.Type, a.Role, a.FromId, a.Text, a.Intent, a.Confidence, a.DialogId, a.Timestamp))
            .ToListAsync(cancellationToken);
    }

    public async Task<CustomerProfile?> GetCustomerProfileAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var identities = await db.ChannelIdentities.AsNoTracking()
            .Where(i => i.CustomerId == customerId)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new CustomerIdentity(i.ChannelId, i.ChannelUserId))
            .ToListAsync(cancellationToken);
        var facts = await db.ProfileFacts.AsNoTracking()
            .Where(f => f.CustomerId == customerId)
            .ToDictionaryAsync(f => f.Key, f => f.Value, StringComparer.Ordinal, cancellationToken);
        var orders = await db.Orders.AsNoTracking()
            .Include(o => o.Items)
            .Where(o => o.CustomerId == customerId)
            .OrderByDescending(o => o.PlacedAt)
            .Take(MaxConversations)
            .ToListAsync(cancellationToken);
        var conversations = await Summaries(db, db.Conversations
                .Where(c => c.CustomerId == customerId)
                .OrderByDescending(c => c.LastActivityAt)
                .Take(MaxConversations))
            .ToListAsync(cancellationToken);

        return new CustomerProfile(
            customer.Id,
            facts.GetValueOrDefault(ProfileFactKeys.Name) ?? customer.DisplayName,
            customer.CreatedAt,
            identities,
            facts,
            orders.ConvertAll(CustomerStore.ToSummary),
            conversations);
    }

    public async Task<DashboardStats> GetDashboardAsync(DateTimeOffset since, float lowConfidence, int maxItems, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        if (!float.IsFinite(lowConfidence) || lowConfidence is < 0f or > 1f)
        {
            throw new ArgumentOutOfRangeException(nameof(lowConfidence), lowConfidence, "A confidence is between 0 and 1.");
        }

        var take = Math.Min(maxItems, DataLimits.MaxPageSize);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var conversations = await db.Conversations.CountAsync(c => c.CreatedAt >= since, cancellationToken);
        var escalated = await db.Conversations
            .Where(c => c.CreatedAt >= since && db.Escalations.Any(e => e.ConversationId == c.Id))
            .CountAsync(cancellationToken);

        var customerMessages = db.Activities.AsNoTracking()
            .Where(a => a.Timestamp >= since && a.Type == ActivityTypes.Message && a.Intent != null);
        var topIntents = (await customerMessages
                .GroupBy(a => a.Intent!)
                .Select(g => new { Intent = g.Key, Count = g.Count() })
                .OrderByDescending(i => i.Count)
                .ThenBy(i => i.Intent)
                .Take(take)
                .ToListAsync(cancellationToken))
            .ConvertAll(i => new IntentCount(i.Intent, i.Count));
        var misunderstood = await customerMessages
            .Where(a => a.Confidence != null && a.Confidence < lowConfidence)
            .OrderByDescending(a => a.Timestamp)
            .Take(take)
            .Select(a => new MisunderstoodMessage(a.ActivityId, a.ConversationId, a.Text, a.Intent, a.Confidence!.Value, a.Timestamp))
            .ToListAsync(cancellationToken);

        var escalationRate = conversations == 0 ? 0d : (double)escalated / conversations;
        return new DashboardStats(since, conversations, escalated, 1d - escalationRate, escalationRate, topIntents, misunderstood);
    }

    private static IQueryable<ConversationSummary> Summaries(CustomerServiceDbContext db, IQueryable<Entities.Conversation> conversations) =>
        conversations.AsNoTracking().Select(c => new ConversationSummary(
            c.Id,
            c.ChannelId,
            c.CustomerId,
            c.Handoff,
            c.AssignedAgent,
            c.LastIntent,
            db.Activities.Count(a => a.ConversationId == c.Id && a.Type == ActivityTypes.Message),
            c.CreatedAt,
            c.LastActivityAt));
}

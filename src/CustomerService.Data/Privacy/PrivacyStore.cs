using System.Text.Json;
using CustomerService.Core.Conversations;
using CustomerService.Data.Agents;
using CustomerService.Data.Entities;
using CustomerService.Data.Escalations;
using CustomerService.Data.Outbox;
using CustomerService.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomerService.Data.Privacy;

/// <summary>Export, erase and retention, each on its own context; erase is one transaction.</summary>
internal sealed class PrivacyStore(
    IDbContextFactory<CustomerServiceDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<PrivacyStore> logger) : IPrivacyStore
{
    private const int RetentionBatchSize = 200;

    public async Task<string?> FindCustomerIdAsync(string channelId, string channelUserId, CancellationToken cancellationToken)
    {
        InputGuard.Id(channelId, DataLimits.MaxChannelIdLength, nameof(channelId));
        InputGuard.Id(channelUserId, DataLimits.MaxChannelUserIdLength, nameof(channelUserId));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChannelIdentities
            .Where(i => i.ChannelId == channelId && i.ChannelUserId == channelUserId)
            .Select(i => i.CustomerId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<CustomerExport?> ExportAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        // One read transaction, so the export is a consistent snapshot even while the customer chats.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
            .ToListAsync(cancellationToken);
        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.CustomerId == customerId)
            .OrderBy(c => c.CreatedAt)
            .ToListAsync(cancellationToken);
        var conversationIds = conversations.ConvertAll(c => c.Id);
        var activities = await db.Activities.AsNoTracking()
            .Where(a => conversationIds.Contains(a.ConversationId))
            .OrderBy(a => a.ConversationId).ThenBy(a => a.Sequence)
            .ToListAsync(cancellationToken);
        var escalations = await EscalationStore.LoadDetailsAsync(
            db,
            db.Escalations.Where(e => e.CustomerId == customerId || conversationIds.Contains(e.ConversationId)).OrderBy(e => e.CreatedAt),
            cancellationToken);

        var byConversation = activities.ToLookup(a => a.ConversationId, StringComparer.Ordinal);
        var exported = conversations.ConvertAll(c =>
        {
            var rows = byConversation[c.Id].ToList();
            var summary = new ConversationSummary(
                c.Id, c.ChannelId, c.CustomerId, c.Handoff, c.AssignedAgent, c.LastIntent,
                rows.Count(a => a.Type == Core.Activities.ActivityTypes.Message), c.CreatedAt, c.LastActivityAt);
            return new ExportedConversation(summary, rows.ConvertAll(ToExported));
        });

        Log.CustomerExported(logger, customerId);
        return new CustomerExport(
            timeProvider.GetUtcNow(),
            customer.Id,
            customer.DisplayName,
            customer.CreatedAt,
            identities,
            facts,
            orders.ConvertAll(CustomerStore.ToSummary),
            exported,
            escalations);
    }

    public async Task<CustomerErasure?> EraseAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var conversations = db.Conversations.Where(c => c.CustomerId == customerId).Select(c => c.Id);
        var escalations = db.Escalations.Where(e => e.CustomerId == customerId || conversations.Contains(e.ConversationId));

        // Slack cards live outside our database: queue a tombstone carrying only the card's location.
        var cards = await escalations
            .Where(e => e.SlackChannel != null && e.SlackMessageTs != null)
            .Select(e => new { e.Id, e.SlackChannel, e.SlackMessageTs })
            .ToListAsync(cancellationToken);
        var escalationIds = await escalations.Select(e => e.Id).ToListAsync(cancellationToken);

        var outbox = await db.OutboxMessages
            .Where(m => m.CustomerId == customerId || (m.EscalationId != null && escalationIds.Contains(m.EscalationId)))
            .ExecuteDeleteAsync(cancellationToken);
        var activities = await db.Activities.Where(a => conversations.Contains(a.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        var escalationCount = await escalations.ExecuteDeleteAsync(cancellationToken);
        var conversationCount = await db.Conversations.Where(c => c.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        var facts = await db.ProfileFacts.Where(f => f.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.OrderItems.Where(i => db.Orders.Any(o => o.Id == i.OrderId && o.CustomerId == customerId)).ExecuteDeleteAsync(cancellationToken);
        var orders = await db.Orders.Where(o => o.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        var identities = await db.ChannelIdentities.Where(i => i.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
        await db.Customers.Where(c => c.Id == customerId).ExecuteDeleteAsync(cancellationToken);

        foreach (var card in cards)
        {
            db.OutboxMessages.Add(OutboxMessageFactory.Create(
                OutboxMessageTypes.EscalationErased,
                new EscalationOutboxPayload(card.Id, card.SlackChannel, card.SlackMessageTs),
                escalationId: null,
                customerId: null,
                now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.CustomerErased(logger, customerId, conversationCount, activities, escalationCount);
        return new CustomerErasure(customerId, conversationCount, activities, escalationCount, outbox, facts, orders, identities, cards.Count);
    }

    public async Task<RetentionResult> DeleteInactiveConversationsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        int conversationTotal = 0, activityTotal = 0, outboxTotal = 0;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        // Batches keep each write transaction short, so live turns are never blocked for long.
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = await db.Conversations
                .Where(c => c.LastActivityAt < cutoff && c.Handoff != HandoffState.Pending && c.Handoff != HandoffState.Agent)
                .OrderBy(c => c.LastActivityAt)
                .Select(c => c.Id)
                .Take(RetentionBatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var escalationIds = await db.Escalations.Where(e => batch.Contains(e.ConversationId)).Select(e => e.Id).ToListAsync(cancellationToken);
            outboxTotal += await db.OutboxMessages
                .Where(m => m.EscalationId != null && escalationIds.Contains(m.EscalationId))
                .ExecuteDeleteAsync(cancellationToken);
            activityTotal += await db.Activities.Where(a => batch.Contains(a.ConversationId)).ExecuteDeleteAsync(cancellationToken);
            await db.Escalations.Where(e => batch.Contains(e.ConversationId)).ExecuteDeleteAsync(cancellationToken);
            conversationTotal += await db.Conversations.Where(c => batch.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        outboxTotal += await db.OutboxMessages
            .Where(m => m.State == OutboxState.Dispatched && m.DispatchedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);

        Log.RetentionDeleted(logger, conversationTotal, cutoff);
        return new RetentionResult(conversationTotal, activityTotal, outboxTotal);
    }

    private static ExportedActivity ToExported(ActivityRecord record)
    {
        using var document = JsonDocument.Parse(record.Json);
        return new ExportedActivity(record.Sequence, record.Intent, record.Confidence, record.DialogId, document.RootElement.Clone());
    }
}

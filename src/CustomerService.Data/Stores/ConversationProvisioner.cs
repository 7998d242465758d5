using CustomerService.Core.Activities;
using CustomerService.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomerService.Data.Stores;

/// <summary>
/// Creates a conversation (and its customer, found by channel identity) on first sight. It commits on its own
/// short-lived context, so it never flushes what a turn has staged, and it is race-free: a process lock per
/// conversation and identity, and the unique indexes with a retry across processes.
/// </summary>
internal sealed class ConversationProvisioner(
    IDbContextFactory<CustomerServiceDbContext> contextFactory,
    ConversationLocks locks,
    TimeProvider timeProvider,
    ILogger<ConversationProvisioner> logger)
{
    private const int MaxAttempts = 3;

    /// <summary>Ensures the conversation exists and returns its customer id.</summary>
    /// <param name="channelId">Channel of the conversation.</param>
    /// <param name="conversationId">Channel conversation id.</param>
    /// <param name="account">The sender; identifies the customer when it is a user.</param>
    public async Task<string> EnsureAsync(string channelId, string conversationId, ChannelAccount? account, CancellationToken cancellationToken)
    {
        InputGuard.Id(channelId, DataLimits.MaxChannelIdLength, nameof(channelId));
        InputGuard.ConversationId(conversationId);
        var identity = IsCustomer(account) ? account : null;
        if (identity is not null)
        {
            InputGuard.Id(identity.Id, DataLimits.MaxChannelUserIdLength, "account.Id");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await EnsureOnceAsync(channelId, conversationId, identity, cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < MaxAttempts && IsUniqueViolation(exception))
            {
                // Another process created the same conversation or identity first; read theirs.
            }
        }
    }

    private async Task<string> EnsureOnceAsync(string channelId, string conversationId, ChannelAccount? identity, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var existing = await FindConversationAsync(db, conversationId, cancellationToken);
        if (existing is not null && (identity is null || existing.Value.Linked))
        {
            return existing.Value.CustomerId;
        }

        using var conversationLock = await locks.AcquireAsync(ConversationKey(conversationId), cancellationToken);
        using var identityLock = identity is null ? null : await locks.AcquireAsync(IdentityKey(channelId, identity.Id), cancellationToken);

        existing = await FindConversationAsync(db, conversationId, cancellationToken);
        if (existing is not null && (identity is null || existing.Value.Linked))
        {
            return existing.Value.CustomerId;
        }

        var now = timeProvider.GetUtcNow();
        var known = identity is null
            ? null
            : await db.ChannelIdentities
                .Where(i => i.ChannelId == channelId && i.ChannelUserId == identity.Id)
                .Select(i => i.CustomerId)
                .FirstOrDefaultAsync(cancellationToken);

        if (existing is not null)
        {
            // The conversation began before its customer was known (e.g. a bot greeting came first):
            // attach the identity now, to the known customer or to the placeholder one.
            if (known is not null)
            {
                var placeholder = existing.Value.CustomerId;
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.Conversations
                    .Where(c => c.Id == conversationId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, known), cancellationToken);
                await db.Escalations
                    .Where(e => e.ConversationId == conversationId)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.CustomerId, known), cancellationToken);
                await db.Customers
                    .Where(c => c.Id == placeholder && !c.Conversations.Any() && !c.Identities.Any())
                    .ExecuteDeleteAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return known;
            }

            db.ChannelIdentities.Add(NewIdentity(channelId, identity!.Id, existing.Value.CustomerId, now));
            await db.SaveChangesAsync(cancellationToken);
            return existing.Value.CustomerId;
        }

        var customerId = known;
        if (customerId is null)
        {
            customerId = NewCustomerId(now);
            var customer = new Customer
            {
                Id = customerId,
                DisplayName = CleanName(identity?.Name, identity?.Id),
                CreatedAt = now,
            };
            db.Customers.Add(customer);
            if (identity is not null)
            {
                db.ChannelIdentities.Add(NewIdentity(channelId, identity.Id, customerId, now));
            }

            Log.CustomerCreated(logger, customerId, channelId);
        }

        db.Conversations.Add(new Conversation
        {
            Id = conversationId,
            ChannelId = channelId,
            CustomerId = customerId,
            CreatedAt = now,
            UpdatedAt = now,
            LastActivityAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        Log.ConversationCreated(logger, conversationId, channelId, customerId);
        return customerId;
    }

    private static async Task<(string CustomerId, bool Linked)?> FindConversationAsync(CustomerServiceDbContext db, string conversationId, CancellationToken cancellationToken)
    {
        var row = await db.Conversations
            .Where(c => c.Id == conversationId)
            .Select(c => new { c.CustomerId, Linked = db.ChannelIdentities.Any(i => i.CustomerId == c.CustomerId) })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.CustomerId, row.Linked);
    }

    private static bool IsCustomer(ChannelAccount? account) =>
        account is not null
        && !string.IsNullOrWhiteSpace(account.Id)
        && (account.Role is null || account.Role == RoleTypes.User);

    private static ChannelIdentity NewIdentity(string channelId, string userId, string customerId, DateTimeOffset now) =>
        new() { ChannelId = channelId, ChannelUserId = userId, CustomerId = customerId, CreatedAt = now };

    internal static string NewCustomerId(DateTimeOffset now) => "cus_" + Guid.CreateVersion7(now).ToString("N");

    // A channel-supplied name is only a greeting hint; one equal to the user id is no name (Web Chat's default).
    private static string? CleanName(string? name, string? userId)
    {
        if (string.IsNullOrWhiteSpace(name) || string.Equals(name, userId, StringComparison.Ordinal))
        {
            return null;
        }

        var trimmed = name.Trim();
        return trimmed.Length <= DataLimits.MaxDisplayNameLength ? trimmed : trimmed[..DataLimits.MaxDisplayNameLength];
    }

    internal static string ConversationKey(string conversationId) => "conversation\n" + conversationId;

    private static string IdentityKey(string channelId, string userId) => "identity\n" + channelId + "\n" + userId;

    internal static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19 };
}

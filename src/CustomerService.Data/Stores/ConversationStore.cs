using System.Text.Json;
using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;
using CustomerService.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomerService.Data.Stores;

/// <summary>Conversation state on the turn's DbContext; <see cref="SaveAsync"/> only stages, the turn commits.</summary>
internal sealed class ConversationStore(
    CustomerServiceDbContext db,
    ConversationProvisioner provisioner,
    TimeProvider timeProvider,
    ILogger<ConversationStore> logger) : IConversationStore
{
    private static readonly JsonSerializerOptions DialogJson = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };

    public async Task<ConversationState> LoadAsync(string channelId, string conversationId, ChannelAccount customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        await provisioner.EnsureAsync(channelId, conversationId, customer, cancellationToken);

        var entity = await db.Conversations.SingleAsync(c => c.Id == conversationId, cancellationToken);
        if (!string.Equals(entity.ChannelId, channelId, StringComparison.Ordinal))
        {
            // Conversation ids are issued per channel; one arriving on another channel is never merged.
            throw new ArgumentException($"Conversation '{conversationId}' belongs to channel '{entity.ChannelId}', not '{channelId}'.", nameof(channelId));
        }

        return new ConversationState
        {
            ConversationId = entity.Id,
            ChannelId = entity.ChannelId,
            CustomerId = entity.CustomerId,
            Handoff = entity.Handoff,
            AssignedAgent = entity.AssignedAgent,
            ActiveDialog = ReadDialog(entity),
            FailedTurns = entity.FailedTurns,
            OutOfScopeStreak = entity.OutOfScopeStreak,
            LastIntent = entity.LastIntent,
            Welcomed = entity.Welcomed,
        };
    }

    public async Task SaveAsync(ConversationState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entity = db.Conversations.Local.FirstOrDefault(c => c.Id == state.ConversationId)
            ?? await db.Conversations.SingleOrDefaultAsync(c => c.Id == state.ConversationId, cancellationToken)
            ?? throw new InvalidOperationException($"Conversation '{state.ConversationId}' was never loaded.");

        // Change tracking writes only the columns that differ from what was loaded, so an agent's claim
        // committed meanwhile by another scope is not overwritten unless this turn changed the handoff too.
        entity.Handoff = state.Handoff;
        entity.AssignedAgent = state.AssignedAgent;
        entity.ActiveDialogJson = state.ActiveDialog is null ? null : JsonSerializer.Serialize(state.ActiveDialog, DialogJson);
        entity.FailedTurns = state.FailedTurns;
        entity.OutOfScopeStreak = state.OutOfScopeStreak;
        entity.LastIntent = state.LastIntent;
        entity.Welcomed = state.Welcomed;
        if (db.Entry(entity).State == EntityState.Modified)
        {
            entity.UpdatedAt = timeProvider.GetUtcNow();
        }
    }

    private DialogState? ReadDialog(Conversation entity)
    {
        if (entity.ActiveDialogJson is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DialogState>(entity.ActiveDialogJson, DialogJson);
        }
        catch (JsonException exception)
        {
            Log.DialogStateUnreadable(logger, entity.Id, exception);
            return null;
        }
    }
}

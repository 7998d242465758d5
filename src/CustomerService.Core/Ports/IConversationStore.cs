using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;

namespace CustomerService.Core.Ports;

/// <summary>Conversation state and customer identity. Scoped to one turn; changes commit with <see cref="ITurnTransaction"/>.</summary>
public interface IConversationStore
{
    /// <summary>
    /// Loads the conversation's state, creating the conversation (and the customer, found by channel identity)
    /// on first sight.
    /// </summary>
    Task<ConversationState> LoadAsync(string channelId, string conversationId, ChannelAccount customer, CancellationToken cancellationToken);

    /// <summary>Stages the state for the turn's commit.</summary>
    Task SaveAsync(ConversationState state, CancellationToken cancellationToken);
}

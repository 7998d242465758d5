using CustomerService.Core.Ports;
using CustomerService.Core.Turns;

namespace CustomerService.Core.Middleware;

/// <summary>Loads the conversation's state and the customer's context before the turn, stages the state after it.</summary>
internal sealed class ConversationStateMiddleware(IConversationStore conversations, ICustomerStore customers) : ITurnMiddleware
{
    public async Task InvokeAsync(TurnContext context, TurnDelegate next, CancellationToken cancellationToken)
    {
        var state = await conversations.LoadAsync(context.ChannelId, context.ConversationId, context.Request.Customer, cancellationToken);
        context.State = state;
        context.Customer = await customers.GetContextAsync(state.CustomerId, cancellationToken);

        await next(context, cancellationToken);

        await conversations.SaveAsync(state, cancellationToken);
    }
}

using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;
using CustomerService.Core.Turns;
using Microsoft.Extensions.Logging;

namespace CustomerService.Core.Middleware;

/// <summary>
/// While a human owns the conversation (Pending or Agent) the bot stays silent: the customer's message is
/// already stored, the agents are told, and the rest of the pipeline does not run. After Resolved, the
/// customer's next message hands the conversation back to the bot. Every registered relay is told
/// (the agent page and Slack each register one; with none, agents still read the stored transcript).
/// </summary>
internal sealed partial class HandoffGateMiddleware(IEnumerable<IAgentRelay> relays, ILogger<HandoffGateMiddleware> logger) : ITurnMiddleware
{
    public async Task InvokeAsync(TurnContext context, TurnDelegate next, CancellationToken cancellationToken)
    {
        var state = context.RequiredState;
        switch (state.Handoff)
        {
            case HandoffState.Pending or HandoffState.Agent:
                if (context.Activity.Type == ActivityTypes.Message)
                {
                    var message = new AgentRelayMessage(
                        state.ChannelId, state.ConversationId, state.CustomerId, state.Handoff, state.AssignedAgent, context.Inbound);
                    foreach (var relay in relays)
                    {
                        await relay.RelayCustomerMessageAsync(message, cancellationToken);
                    }

                    Log.Relayed(logger, state.ConversationId, state.Handoff);
                }

                return;

            case HandoffState.Resolved when context.Activity.Type == ActivityTypes.Message:
                state.Handoff = HandoffState.Bot;
                state.AssignedAgent = null;
                state.ActiveDialog = null;
                state.FailedTurns = 0;
                state.OutOfScopeStreak = 0;
                Log.BotResumed(logger, state.ConversationId);
                break;
        }

        await next(context, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(1110, LogLevel.Information, "Conversation {ConversationId} is {Handoff}: customer message relayed to agents, bot silent")]
        public static partial void Relayed(ILogger logger, string conversationId, HandoffState handoff);

        [LoggerMessage(1111, LogLevel.Information, "Conversation {ConversationId} was resolved; the bot answers again")]
        public static partial void BotResumed(ILogger logger, string conversationId);
    }
}

using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Dialogs;
using CustomerService.Core.Ports;
using CustomerService.Core.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Core.Handoff;

/// <summary>
/// Agent operations on a handed-off conversation. Each runs under the conversation's lock (so it never
/// interleaves with a customer turn or another agent's click), in its own scope, and commits once.
/// </summary>
internal sealed partial class HandoffService(
    IServiceScopeFactory scopeFactory,
    ConversationLocks locks,
    HandoffTexts texts,
    TemplateValuesFactory values,
    IOptions<TurnOptions> turnOptions,
    ILogger<HandoffService> logger) : IHandoffService
{
    /// <summary>Longest agent message, in characters.</summary>
    public const int MaxReplyLength = 4000;

    /// <summary>How far into the transcript to look for the customer's first message.</summary>
    private const int IdentityScanLimit = 50;

    public Task<HandoffResult> ClaimAsync(string conversationId, ChannelAccount agent, CancellationToken cancellationToken = default) =>
        RunAsync(conversationId, agent, session =>
        {
            var state = session.State;
            switch (state.Handoff)
            {
                case HandoffState.Agent when state.AssignedAgent == agent.Id:
                    return HandoffOutcome.NoChange;
                case HandoffState.Agent:
                    return HandoffOutcome.AlreadyClaimed;
                case HandoffState.Pending:
                    state.Handoff = HandoffState.Agent;
                    state.AssignedAgent = agent.Id;
                    session.Say(DialogIds.HandoffClaimedStep, agent);
                    session.Stage(HandoffEvents.Status(HandoffEvents.Accepted, HandoffState.Agent, AgentName(agent)));
                    return HandoffOutcome.Done;
                default:
                    return HandoffOutcome.NotAllowed;
            }
        }, cancellationToken);

    public Task<HandoffResult> ResolveAsync(string conversationId, ChannelAccount agent, CancellationToken cancellationToken = default) =>
        RunAsync(conversationId, agent, session =>
        {
            var state = session.State;
            switch (state.Handoff)
            {
                case HandoffState.Resolved:
                    return HandoffOutcome.NoChange;
                case HandoffState.Agent when state.AssignedAgent != agent.Id:
                    return HandoffOutcome.AlreadyClaimed;
                case HandoffState.Agent or HandoffState.Pending:
                    state.Handoff = HandoffState.Resolved;
                    state.AssignedAgent = null;
                    state.ActiveDialog = null;
                    state.FailedTurns = 0;
                    state.OutOfScopeStreak = 0;
                    session.Say(DialogIds.HandoffResolvedStep, agent);
                    session.Stage(HandoffEvents.Status(HandoffEvents.Completed, HandoffState.Resolved, AgentName(agent)));
                    return HandoffOutcome.Done;
                default:
                    return HandoffOutcome.NotAllowed;
            }
        }, cancellationToken);

    public Task<HandoffResult> ReplyAsync(string conversationId, ChannelAccount agent, string text, CancellationToken cancellationToken = default)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > MaxReplyLength)
        {
            return Task.FromResult(new HandoffResult(HandoffOutcome.InvalidText, conversationId, null, HandoffState.Bot, null, []));
        }

        return RunAsync(conversationId, agent, session =>
        {
            var state = session.State;
            if (state.Handoff != HandoffState.Agent)
            {
                return HandoffOutcome.NotAllowed;
            }

            if (state.AssignedAgent != agent.Id)
            {
                return HandoffOutcome.AlreadyClaimed;
            }

            session.Stage(new Activity
            {
                Text = trimmed,
                TextFormat = "plain",
                From = new ChannelAccount(agent.Id, agent.Name, RoleTypes.Agent),
            });
            return HandoffOutcome.Done;
        }, cancellationToken);
    }

    private async Task<HandoffResult> RunAsync(
        string conversationId,
        ChannelAccount agent,
        Func<HandoffSession, HandoffOutcome> operation,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(agent.Id);

        using var lease = await locks.AcquireAsync(conversationId, cancellationToken);
        await using var scope = scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var transcript = services.GetRequiredService<ITranscriptStore>();

        var opening = await transcript.ReadAsync(conversationId, 0, IdentityScanLimit, cancellationToken);
        var customerActivity = opening.Select(s => s.Activity).FirstOrDefault(RoleTypes.IsCustomer);
        if (customerActivity?.From is null || customerActivity.ChannelId is null)
        {
            return new HandoffResult(HandoffOutcome.NotFound, conversationId, null, HandoffState.Bot, null, []);
        }

        var conversations = services.GetRequiredService<IConversationStore>();
        var state = await conversations.LoadAsync(customerActivity.ChannelId, conversationId, customerActivity.From, cancellationToken);
        var customer = await services.GetRequiredService<ICustomerStore>().GetContextAsync(state.CustomerId, cancellationToken);
        var bot = new ChannelAccount(customerActivity.Recipient?.Id ?? turnOptions.Value.BotId, turnOptions.Value.BotName, RoleTypes.Bot);
        var session = new HandoffSession(state, customerActivity.From, bot, transcript, texts, values.Create(customer), opening.Count);

        var outcome = operation(session);
        if (outcome != HandoffOutcome.Done)
        {
            Log.Refused(logger, conversationId, agent.Id, outcome, state.Handoff);
            return new HandoffResult(outcome, conversationId, state.ChannelId, state.Handoff, state.AssignedAgent, []);
        }

        await conversations.SaveAsync(state, cancellationToken);
        var committed = await services.GetRequiredService<ITurnTransaction>().CommitAsync(cancellationToken);
        Log.Changed(logger, conversationId, agent.Id, state.Handoff);
        return new HandoffResult(HandoffOutcome.Done, conversationId, state.ChannelId, state.Handoff, state.AssignedAgent, committed);
    }

    private static string AgentName(ChannelAccount agent) => string.IsNullOrWhiteSpace(agent.Name) ? "An agent" : agent.Name;

    /// <summary>The state and staging area of one agent operation.</summary>
    private sealed class HandoffSession(
        ConversationState state,
        ChannelAccount customer,
        ChannelAccount bot,
        ITranscriptStore transcript,
        HandoffTexts texts,
        TemplateValues values,
        long turn)
    {
        public ConversationState State => state;

        public void Say(string stepId, ChannelAccount agent)
        {
            var withAgent = values.With([new(TemplateValuesFactory.AgentName, AgentName(agent))]);
            Stage(new Activity { Text = texts.Render(stepId, withAgent, state.ConversationId, turn), TextFormat = "plain" });
        }

        public void Stage(Activity activity) => transcript.Stage(state.ConversationId, activity with
        {
            Id = null,
            Timestamp = null,
            ChannelId = state.ChannelId,
            Conversation = new ConversationAccount(state.ConversationId),
            From = activity.From ?? bot,
            Recipient = new ChannelAccount(customer.Id, customer.Name, customer.Role ?? RoleTypes.User),
        });
    }

    private static partial class Log
    {
        [LoggerMessage(1410, LogLevel.Information, "Handoff: conversation {ConversationId} is now {Handoff} (agent {AgentId})")]
        public static partial void Changed(ILogger logger, string conversationId, string agentId, HandoffState handoff);

        [LoggerMessage(1411, LogLevel.Information, "Handoff: agent {AgentId} on conversation {ConversationId} refused: {Outcome} (state {Handoff})")]
        public static partial void Refused(ILogger logger, string conversationId, string agentId, HandoffOutcome outcome, HandoffState handoff);
    }
}

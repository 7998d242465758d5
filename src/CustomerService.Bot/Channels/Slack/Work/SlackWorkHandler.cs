using CustomerService.Bot.Agents;
using CustomerService.Bot.Channels.Slack.BlockKit;
using CustomerService.Bot.Channels.Slack.Escalations;
using CustomerService.Bot.Channels.Slack.Events;
using CustomerService.Bot.Channels.Slack.WebApi;
using CustomerService.Core.Handoff;
using CustomerService.Core.Ports;
using CustomerService.Core.Turns;
using CustomerService.Data.Escalations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack.Work;

/// <summary>
/// Does one unit of Slack work in its own DI scope: hands a customer turn to the turn dispatcher, and carries out an
/// agent's card-thread reply or card click through <see cref="AgentHandoffActions"/> — the same path as the agent
/// page, so both front ends agree on who owns what. Agents get ephemeral answers when something cannot be done.
/// </summary>
internal sealed class SlackWorkHandler(
    ISlackApiClient api,
    ITurnDispatcher dispatcher,
    AgentHandoffActions actions,
    IEscalationStore escalations,
    ITextRedactor redactor,
    IOptions<SlackOptions> options,
    ILoggerFactory loggerFactory)
{
    public const string BusyText = "Sorry, I'm very busy right now. Please send your message again in a minute.";

    private readonly ILogger _logger = loggerFactory.CreateLogger<SlackWorkHandler>();

    public Task HandleAsync(SlackWork work, CancellationToken cancellationToken) => work switch
    {
        SlackCustomerTurnWork turn => RunTurnAsync(turn, cancellationToken),
        SlackAgentReplyWork reply => AgentReplyAsync(reply.Message, cancellationToken),
        SlackCardActionWork action => CardActionAsync(action, cancellationToken),
        SlackThreadRelayWork relay => RelayToThreadAsync(relay, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(work), work.GetType().Name, "Unknown Slack work."),
    };

    private async Task RunTurnAsync(SlackCustomerTurnWork work, CancellationToken cancellationToken)
    {
        var message = work.Message;

        // Replies of this turn go into the thread of the message they answer (thread_ts ?? ts, slack.md §2.4).
        var sink = new SlackReplySink(api, loggerFactory.CreateLogger<SlackReplySink>(), message.Channel, message.ThreadRootTs);
        var request = new TurnRequest(
            SlackActivityMapper.ChannelId, message.ConversationId, work.Inbound, SlackActivityMapper.Customer(message), sink);
        if (await dispatcher.EnqueueAsync(request, cancellationToken))
        {
            return;
        }

        Log.SlackTurnBusy(_logger, message.ConversationId);
        await TryPostAsync(new ChatPostMessageRequest { Channel = message.Channel, Text = BusyText, ThreadTs = message.ThreadRootTs }, cancellationToken);
    }

    private async Task AgentReplyAsync(SlackInboundMessage message, CancellationToken cancellationToken)
    {
        var escalation = await escalations.FindBySlackMessageAsync(message.Channel, message.ThreadRootTs, cancellationToken);
        if (escalation is null)
        {
            Log.SlackThreadNotACard(_logger, message.Channel);
            return;
        }

        var conversationId = escalation.Summary.ConversationId;
        var text = SlackActivityMapper.ToPlainText(message.Text).Trim();
        if (text.StartsWith(options.Value.InternalNotePrefix, StringComparison.OrdinalIgnoreCase))
        {
            Log.SlackInternalNote(_logger, message.User, conversationId);
            return;
        }

        var result = await actions.ReplyAsync(conversationId, Agent(message.User, null), text, cancellationToken);
        Log.SlackAgentReply(_logger, message.User, conversationId, result.Outcome.ToString());
        if (result.Outcome is not (HandoffOutcome.Done or HandoffOutcome.NoChange))
        {
            await TellAgentAsync(message.Channel, message.User, message.ThreadRootTs, ReplyProblem(result), cancellationToken);
        }
    }

    private async Task CardActionAsync(SlackCardActionWork work, CancellationToken cancellationToken)
    {
        var agent = Agent(work.UserId, work.UserName);

        // The conversation's compare-and-set runs under its turn lock: of two agents clicking at once, one wins.
        var result = work.ActionId == EscalationActionIds.Claim
            ? await actions.ClaimAsync(work.ConversationId, agent, cancellationToken)
            : await actions.ResolveAsync(work.ConversationId, agent, cancellationToken);
        Log.SlackCardAction(_logger, work.ActionId, work.UserId, work.ConversationId, result.Outcome.ToString());

        // NoChange is a double click, or a second click after a slow card update: the first one did the work.
        if (result.Outcome is not (HandoffOutcome.Done or HandoffOutcome.NoChange))
        {
            await TellAgentAsync(work.Channel, work.UserId, null, ActionProblem(work.ActionId, result), cancellationToken);
        }
    }

    private async Task RelayToThreadAsync(SlackThreadRelayWork work, CancellationToken cancellationToken)
    {
        var escalation = await escalations.FindOpenByConversationAsync(work.ConversationId, cancellationToken);
        if (escalation?.SlackChannel is not { } channel || escalation.SlackMessageTs is not { } ts)
        {
            // No card yet (Slack off, or the outbox has not posted it): the agent page still shows the message.
            return;
        }

        var text = "*Customer:* " + SlackMarkdown.EscapeAndTruncate(redactor.Redact(work.Text), SlackLimits.MaxMessageText - 16);
        await TryPostAsync(new ChatPostMessageRequest { Channel = channel, Text = text, ThreadTs = ts }, cancellationToken);
    }

    private async Task TellAgentAsync(string channel, string user, string? threadTs, string text, CancellationToken cancellationToken)
    {
        try
        {
            await api.PostEphemeralAsync(new ChatPostEphemeralRequest { Channel = channel, User = user, Text = text, ThreadTs = threadTs }, cancellationToken);
        }
        catch (SlackApiException)
        {
            // Already logged with its code by the client; the agent sees the unchanged card instead.
        }
    }

    private async Task TryPostAsync(ChatPostMessageRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await api.PostMessageAsync(request, cancellationToken);
        }
        catch (SlackApiException)
        {
            // Logged with its code by the client.
        }
    }

    private string ReplyProblem(HandoffResult result) => result.Outcome switch
    {
        HandoffOutcome.AlreadyClaimed => $"{Mention(result.AssignedAgent)} owns this conversation, so your message was not sent to the customer. Start a reply with `{SlackMarkdown.Escape(options.Value.InternalNotePrefix)}` for an internal note.",
        HandoffOutcome.NotAllowed => "Your message was not sent to the customer: claim the conversation with the Claim button first (or it is already resolved).",
        HandoffOutcome.InvalidText => "Your message was not sent to the customer: it is empty or too long.",
        HandoffOutcome.NotFound => "This conversation no longer exists; your message was not sent.",
        _ => "Your message was not sent to the customer.",
    };

    private static string ActionProblem(string actionId, HandoffResult result) => result.Outcome switch
    {
        HandoffOutcome.AlreadyClaimed when actionId == EscalationActionIds.Claim => $"Already claimed by {Mention(result.AssignedAgent)}.",
        HandoffOutcome.AlreadyClaimed => $"Only {Mention(result.AssignedAgent)}, who claimed it, can resolve this conversation.",
        HandoffOutcome.NotAllowed => "This conversation is already resolved.",
        HandoffOutcome.NotFound => "This conversation no longer exists.",
        _ => "That did not work; please try again.",
    };

    private static string Mention(string? agent) =>
        agent is { Length: > 0 and <= 32 } && agent.All(char.IsAsciiLetterOrDigit) && agent[0] is 'U' or 'W'
            ? "<@" + agent + ">"
            : agent is { Length: > 0 } ? SlackMarkdown.EscapeAndTruncate(agent, 100) : "another agent";

    // Agents act under their Slack user id, so a claim by button and a reply in the thread are the same agent.
    private static AgentIdentity Agent(string userId, string? name) => new(userId, name ?? userId);
}

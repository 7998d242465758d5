using CustomerService.Core.Handoff;
using CustomerService.Core.Ports;
using CustomerService.Data;
using CustomerService.Data.Agents;
using CustomerService.Data.Escalations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Agents;

/// <summary>Queues, the conversation view, and claim / resolve / reply under <c>/api/agent</c>.</summary>
internal static class AgentConversationEndpoints
{
    /// <summary>Most escalations one queue lists.</summary>
    public const int MaxQueueItems = 200;

    /// <summary>Most transcript lines the conversation view returns (the latest ones).</summary>
    public const int MaxTranscriptItems = 500;

    private const int TranscriptPage = 1000;

    // Resolved escalations searched for a conversation's latest one when none is open.
    private const int ResolvedLookback = 1000;

    public static RouteGroupBuilder MapAgentConversations(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/queue", GetQueueAsync);
        api.MapGet("/conversations/{conversationId}", GetConversationAsync);
        api.MapPost("/conversations/{conversationId}/claim", ClaimAsync).AddEndpointFilter<AgentAntiforgeryFilter>();
        api.MapPost("/conversations/{conversationId}/resolve", ResolveAsync).AddEndpointFilter<AgentAntiforgeryFilter>();
        api.MapPost("/conversations/{conversationId}/reply", ReplyAsync).AddEndpointFilter<AgentAntiforgeryFilter>();
        return api;
    }

    private static async Task<Results<Ok<AgentQueue>, ProblemHttpResult>> GetQueueAsync(
        string? view,
        int? limit,
        HttpContext context,
        IEscalationStore escalations,
        AgentAccountStore accounts,
        CancellationToken cancellationToken)
    {
        var filter = (view ?? "pending").ToUpperInvariant() switch
        {
            "PENDING" => EscalationFilter.Pending,
            "MINE" => EscalationFilter.Mine,
            "RESOLVED" => EscalationFilter.Resolved,
            _ => (EscalationFilter?)null,
        };
        if (filter is null)
        {
            return AgentProblems.BadRequest("Unknown queue", "view must be pending, mine or resolved.");
        }

        if (limit is < 1 or > MaxQueueItems)
        {
            return AgentProblems.BadRequest("Invalid limit", $"limit must be between 1 and {MaxQueueItems}.");
        }

        var agent = AgentPrincipal.Read(context.User);
        var pending = await escalations.ListAsync(EscalationFilter.Pending, null, MaxQueueItems, cancellationToken);
        var mine = await escalations.ListAsync(EscalationFilter.Mine, agent.Name, MaxQueueItems, cancellationToken);
        var resolved = await escalations.ListAsync(EscalationFilter.Resolved, null, MaxQueueItems, cancellationToken);
        var items = filter switch
        {
            EscalationFilter.Pending => pending,
            EscalationFilter.Mine => mine,
            _ => resolved,
        };

        return TypedResults.Ok(new AgentQueue(
            filter.Value.ToString().ToLowerInvariant(),
            [.. items.Take(limit ?? MaxQueueItems).Select(s => AgentViewMapper.ToQueueItem(s, accounts))],
            new AgentQueueCounts(pending.Count, mine.Count, resolved.Count)));
    }

    private static async Task<Results<Ok<AgentConversationView>, ProblemHttpResult>> GetConversationAsync(
        string conversationId,
        IAgentConsoleStore console,
        IEscalationStore escalations,
        IServiceScopeFactory scopeFactory,
        AgentAccountStore accounts,
        CancellationToken cancellationToken)
    {
        if (!IsValidConversationId(conversationId))
        {
            return AgentProblems.NotFound(Truncate(conversationId));
        }

        var conversation = await console.GetConversationAsync(conversationId, cancellationToken);
        if (conversation is null)
        {
            return AgentProblems.NotFound(conversationId);
        }

        var escalation = await FindEscalationAsync(conversationId, escalations, cancellationToken);
        var profile = await console.GetCustomerProfileAsync(conversation.CustomerId, cancellationToken);
        var (transcript, truncated) = await ReadTranscriptAsync(conversationId, console, scopeFactory, cancellationToken);

        return TypedResults.Ok(new AgentConversationView(
            conversation.Id,
            conversation.ChannelId,
            AgentViewMapper.Name(conversation.Handoff),
            conversation.AssignedAgent,
            accounts.DisplayNameOf(conversation.AssignedAgent),
            escalation is null ? null : AgentViewMapper.ToView(escalation, accounts),
            AgentViewMapper.ToView(conversation.CustomerId, profile, conversationId),
            transcript,
            truncated));
    }

    private static async Task<EscalationDetails?> FindEscalationAsync(string conversationId, IEscalationStore escalations, CancellationToken cancellationToken)
    {
        var open = await escalations.FindOpenByConversationAsync(conversationId, cancellationToken);
        if (open is not null)
        {
            return open;
        }

        // Newest first, so the first match is the conversation's latest resolved escalation.
        var resolved = await escalations.ListAsync(EscalationFilter.Resolved, null, ResolvedLookback, cancellationToken);
        var latest = resolved.FirstOrDefault(e => e.ConversationId == conversationId);
        return latest is null ? null : await escalations.GetAsync(latest.Id, cancellationToken);
    }

    private static async Task<(IReadOnlyList<AgentTranscriptItem> Items, bool Truncated)> ReadTranscriptAsync(
        string conversationId,
        IAgentConsoleStore console,
        IServiceScopeFactory scopeFactory,
        CancellationToken cancellationToken)
    {
        // Oldest first in pages; keep only the latest lines, which are what an agent picking up a case needs.
        var entries = new List<TranscriptEntry>();
        var truncated = false;
        long after = 0;
        while (true)
        {
            var page = await console.GetTranscriptAsync(conversationId, after, TranscriptPage, cancellationToken);
            entries.AddRange(page);
            if (entries.Count > MaxTranscriptItems)
            {
                truncated = true;
                entries.RemoveRange(0, entries.Count - MaxTranscriptItems);
            }

            if (page.Count < TranscriptPage)
            {
                break;
            }

            after = page[^1].Sequence;
        }

        if (entries.Count == 0)
        {
            return ([], truncated);
        }

        // The full activities add what the read model leaves out: event names, agent names, attachments.
        await using var scope = scopeFactory.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ITranscriptStore>()
            .ReadAsync(conversationId, entries[0].Sequence - 1, Math.Min(entries.Count, DataLimits.MaxPageSize), cancellationToken);
        var bySequence = stored.ToDictionary(s => s.Sequence);
        return ([.. entries.Select(e => AgentViewMapper.ToItem(e, bySequence.GetValueOrDefault(e.Sequence)))], truncated);
    }

    private static async Task<Results<Ok<AgentActionResult>, ProblemHttpResult>> ClaimAsync(
        string conversationId,
        HttpContext context,
        AgentHandoffActions actions,
        AgentAccountStore accounts,
        CancellationToken cancellationToken)
    {
        if (!IsValidConversationId(conversationId))
        {
            return AgentProblems.NotFound(Truncate(conversationId));
        }

        var result = await actions.ClaimAsync(conversationId, AgentPrincipal.Read(context.User), cancellationToken);
        return result.Outcome switch
        {
            HandoffOutcome.Done or HandoffOutcome.NoChange => TypedResults.Ok(ToResult(result, accounts)),
            HandoffOutcome.AlreadyClaimed => Conflict("Already claimed", $"Already claimed by {accounts.DisplayNameOf(result.AssignedAgent)}.", result, accounts),
            HandoffOutcome.NotAllowed => Conflict("Not waiting for an agent",
                result.State == Core.Conversations.HandoffState.Resolved
                    ? "This conversation is already resolved; it cannot be claimed."
                    : "This conversation is with the bot, not waiting for an agent.", result, accounts),
            _ => AgentProblems.NotFound(conversationId),
        };
    }

    private static async Task<Results<Ok<AgentActionResult>, ProblemHttpResult>> ResolveAsync(
        string conversationId,
        HttpContext context,
        AgentHandoffActions actions,
        AgentAccountStore accounts,
        CancellationToken cancellationToken)
    {
        if (!IsValidConversationId(conversationId))
        {
            return AgentProblems.NotFound(Truncate(conversationId));
        }

        var result = await actions.ResolveAsync(conversationId, AgentPrincipal.Read(context.User), cancellationToken);
        return result.Outcome switch
        {
            HandoffOutcome.Done or HandoffOutcome.NoChange => TypedResults.Ok(ToResult(result, accounts)),
            HandoffOutcome.AlreadyClaimed => Conflict("Claimed by another agent",
                $"Only {accounts.DisplayNameOf(result.AssignedAgent)}, who claimed it, can resolve this conversation.", result, accounts),
            HandoffOutcome.NotAllowed => Conflict("Not escalated", "This conversation is with the bot; there is nothing to resolve.", result, accounts),
            _ => AgentProblems.NotFound(conversationId),
        };
    }

    private static async Task<Results<Ok<AgentActionResult>, ProblemHttpResult>> ReplyAsync(
        string conversationId,
        HttpContext context,
        AgentHandoffActions actions,
        AgentAccountStore accounts,
        IOptions<AgentsOptions> options,
        CancellationToken cancellationToken)
    {
        if (!IsValidConversationId(conversationId))
        {
            return AgentProblems.NotFound(Truncate(conversationId));
        }

        var (body, problem) = await AgentJsonBody.ReadAsync<ReplyRequest>(context.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var text = body!.Text?.Trim() ?? "";
        var maxLength = options.Value.MaxReplyLength;
        if (text.Length == 0)
        {
            return AgentProblems.BadRequest("Empty reply", "Write a message before sending.");
        }

        if (text.Length > maxLength)
        {
            return AgentProblems.BadRequest("Reply too long", $"A reply may be at most {maxLength} characters; this one has {text.Length}.");
        }

        if (!IsSendableText(text))
        {
            return AgentProblems.BadRequest("Invalid characters", "The reply contains control characters or broken Unicode (an unpaired surrogate).");
        }

        var result = await actions.ReplyAsync(conversationId, AgentPrincipal.Read(context.User), text, cancellationToken);
        return result.Outcome switch
        {
            HandoffOutcome.Done => TypedResults.Ok(ToResult(result, accounts)),
            HandoffOutcome.AlreadyClaimed => Conflict("Claimed by another agent",
                $"{accounts.DisplayNameOf(result.AssignedAgent)} owns this conversation; your message was not sent.", result, accounts),
            HandoffOutcome.NotAllowed => Conflict("Claim first",
                result.State == Core.Conversations.HandoffState.Resolved
                    ? "This conversation is resolved; your message was not sent."
                    : "Claim the conversation before replying; your message was not sent.", result, accounts),
            HandoffOutcome.InvalidText => AgentProblems.BadRequest("Invalid reply", "The reply is empty or too long."),
            _ => AgentProblems.NotFound(conversationId),
        };
    }

    private static AgentActionResult ToResult(HandoffResult result, AgentAccountStore accounts) => new(
        result.ConversationId,
        result.Outcome == HandoffOutcome.Done ? "done" : "noChange",
        AgentViewMapper.Name(result.State),
        result.AssignedAgent,
        accounts.DisplayNameOf(result.AssignedAgent),
        [.. result.Activities.Select(a => a.Activity.Id).OfType<string>()]);

    private static ProblemHttpResult Conflict(string title, string detail, HandoffResult result, AgentAccountStore accounts)
    {
        var problem = AgentProblems.Conflict(title, detail, result.AssignedAgent, AgentViewMapper.Name(result.State));
        problem.ProblemDetails.Extensions["ownerName"] = accounts.DisplayNameOf(result.AssignedAgent);
        return problem;
    }

    internal static bool IsValidConversationId(string conversationId) =>
        conversationId.Length is > 0 and <= DataLimits.MaxConversationIdLength && !conversationId.Any(char.IsControl);

    // Newlines and tabs are fine in a reply; other control characters and unpaired surrogates would corrupt channels.
    internal static bool IsSendableText(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return false;
            }
        }

        return !HasUnpairedSurrogate(text);
    }

    private static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64];
}

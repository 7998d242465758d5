using System.Text;
using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Escalation;
using CustomerService.Core.Handoff;
using CustomerService.Core.Ports;

namespace CustomerService.Core.Tests;

/// <summary>
/// A conversation test in the style of Bot Builder's TestFlow and Rasa's stories: queue customer messages,
/// agent actions and expectations, then <see cref="RunAsync"/> plays them in order against a <see cref="CoreTestHost"/>.
/// Replies are consumed in order, so every expectation is about the next thing the customer would see.
/// </summary>
public sealed class ConversationScript(CoreTestHost host, string conversationId, string customerId = "user-1")
{
    private readonly List<(string Label, Func<Task> Run)> _steps = [];
    private int _consumed;
    private Activity? _lastReply;
    private StoredActivity? _lastInbound;

    public ConversationScript Join() => Add("join", async () =>
        _lastInbound = await host.SendAsync(conversationId, new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [new ChannelAccount(customerId, null, RoleTypes.User)],
        }, customerId));

    public ConversationScript Send(string text) => Add($"send \"{text}\"", async () =>
        _lastInbound = await host.SendTextAsync(conversationId, text, customerId));

    /// <summary>The next reply is a message whose text contains <paramref name="fragment"/> (case-insensitive).</summary>
    public ConversationScript ExpectReply(string fragment) => Add($"reply containing \"{fragment}\"", () =>
    {
        var reply = Next(ActivityTypes.Message);
        Assert.True(
            reply.Text?.Contains(fragment, StringComparison.OrdinalIgnoreCase) == true,
            $"Expected a reply containing \"{fragment}\" but got \"{reply.Text}\".");
        AssertCustomerSafe(reply);
        return Task.CompletedTask;
    });

    /// <summary>The next reply is a message (any text), with no leftover placeholder.</summary>
    public ConversationScript ExpectAnyReply() => Add("any reply", () =>
    {
        AssertCustomerSafe(Next(ActivityTypes.Message));
        return Task.CompletedTask;
    });

    /// <summary>The last reply offers exactly these buttons (titles), in order.</summary>
    public ConversationScript ExpectSuggestedActions(params string[] titles) => Add($"suggestions {string.Join(", ", titles)}", () =>
    {
        Assert.NotNull(_lastReply);
        var actual = _lastReply.SuggestedActions?.Actions.Select(a => a.Title ?? string.Empty).ToArray() ?? [];
        Assert.Equal(titles, actual);
        Assert.All(_lastReply.SuggestedActions?.Actions ?? [], a => Assert.Equal(CardActionTypes.ImBack, a.Type));
        return Task.CompletedTask;
    });

    public ConversationScript ExpectEvent(string name) => Add($"event {name}", () =>
    {
        Assert.Equal(name, Next(ActivityTypes.Event).Name);
        return Task.CompletedTask;
    });

    /// <summary>The inbound message was understood as <paramref name="intent"/> (its stored annotation).</summary>
    public ConversationScript ExpectIntent(string intent) => Add($"intent {intent}", () =>
    {
        Assert.NotNull(_lastInbound);
        var annotation = host.Store.Annotation(_lastInbound.Activity.Id!);
        Assert.NotNull(annotation);
        Assert.Equal(intent, annotation.Intent);
        Assert.Equal(intent, host.Store.Conversation(conversationId)?.LastIntent);
        return Task.CompletedTask;
    });

    public ConversationScript ExpectEscalation(EscalationReason reason) => Add($"escalation {reason}", () =>
    {
        var escalation = host.Store.Escalations.LastOrDefault(e => e.ConversationId == conversationId);
        Assert.NotNull(escalation);
        Assert.Equal(reason, escalation.Reason);
        Assert.Equal(HandoffState.Pending, host.Store.Conversation(conversationId)?.Handoff);
        return Task.CompletedTask;
    });

    public ConversationScript ExpectEscalationCount(int count) => Add($"{count} escalations", () =>
    {
        Assert.Equal(count, host.Store.Escalations.Count(e => e.ConversationId == conversationId));
        return Task.CompletedTask;
    });

    public ConversationScript ExpectHandoff(HandoffState state) => Add($"handoff {state}", () =>
    {
        Assert.Equal(state, host.Store.Conversation(conversationId)?.Handoff);
        return Task.CompletedTask;
    });

    public ConversationScript ExpectRelayed(int count) => Add($"{count} relayed", () =>
    {
        Assert.Equal(count, host.Relay.Messages.Count(m => m.ConversationId == conversationId));
        return Task.CompletedTask;
    });

    /// <summary>Nothing more reached the customer so far.</summary>
    public ConversationScript ExpectNoMoreReplies() => Add("no more replies", () =>
    {
        var rest = Published().Skip(_consumed).ToList();
        Assert.True(rest.Count == 0, "Unexpected replies: " + Describe(rest));
        return Task.CompletedTask;
    });

    public ConversationScript AgentClaims(string agentId, string agentName) =>
        Agent($"{agentId} claims", () => host.Handoff.ClaimAsync(conversationId, AgentAccount(agentId, agentName)));

    public ConversationScript AgentReplies(string agentId, string text) =>
        Agent($"{agentId} replies", () => host.Handoff.ReplyAsync(conversationId, AgentAccount(agentId, null), text));

    public ConversationScript AgentResolves(string agentId) =>
        Agent($"{agentId} resolves", () => host.Handoff.ResolveAsync(conversationId, AgentAccount(agentId, null)));

    public async Task RunAsync()
    {
        foreach (var (label, run) in _steps)
        {
            try
            {
                await run();
            }
            catch (Exception ex) when (ex is Xunit.Sdk.XunitException)
            {
                throw new Xunit.Sdk.XunitException($"Script step \"{label}\" failed: {ex.Message}{Environment.NewLine}Transcript:{Environment.NewLine}{Transcript()}");
            }
        }
    }

    private ConversationScript Agent(string label, Func<Task<HandoffResult>> operation) => Add(label, async () =>
    {
        var result = await operation();
        Assert.Equal(HandoffOutcome.Done, result.Outcome);

        // The caller (agent page, Slack) publishes the committed activities through the customer's channel.
        await host.Sink.PublishAsync(conversationId, result.Activities, CancellationToken.None);
    });

    private ConversationScript Add(string label, Func<Task> run)
    {
        _steps.Add((label, run));
        return this;
    }

    private Activity Next(string type)
    {
        var published = Published();
        Assert.True(_consumed < published.Count, $"Expected a {type} but nothing more was sent.");
        var next = published[_consumed++];
        Assert.True(next.Type == type, $"Expected a {type} but got {next.Type} \"{next.Text ?? next.Name}\".");
        if (type == ActivityTypes.Message)
        {
            _lastReply = next;
        }

        return next;
    }

    private List<Activity> Published() =>
        [.. host.Sink.Timeline.Where(r => r.ConversationId == conversationId && !r.Ephemeral).Select(r => r.Activity)];

    private static void AssertCustomerSafe(Activity reply)
    {
        Assert.DoesNotContain("{{", reply.Text ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("}}", reply.Text ?? string.Empty, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        if (reply.From?.Role != RoleTypes.Agent)
        {
            Assert.Equal("plain", reply.TextFormat);
        }
    }

    private string Transcript()
    {
        var builder = new StringBuilder();
        foreach (var stored in host.Store.Transcript(conversationId))
        {
            builder.Append("  ").Append(stored.Sequence).Append(' ').Append(stored.Activity.From?.Role ?? "?").Append(' ')
                .Append(stored.Activity.Type).Append(": ").AppendLine(stored.Activity.Text ?? stored.Activity.Name);
        }

        return builder.ToString();
    }

    private static string Describe(IEnumerable<Activity> activities) =>
        string.Join(" | ", activities.Select(a => $"{a.Type}: {a.Text ?? a.Name}"));

    private static ChannelAccount AgentAccount(string id, string? name) => new(id, name, RoleTypes.Agent);
}

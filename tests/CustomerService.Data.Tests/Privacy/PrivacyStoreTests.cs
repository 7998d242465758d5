using System.Text.Json;
using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;
using CustomerService.Data.Escalations;
using CustomerService.Data.Outbox;
using CustomerService.Data.Privacy;
using CustomerService.Data.Tests.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Data.Tests.Privacy;

public sealed class PrivacyStoreTests
{
    private const string Ada = "cus_demo_ada";

    [Fact]
    public async Task Export_SeededCustomer_ContainsIdentitiesFactsOrdersTranscriptsAndEscalations()
    {
        await using var host = await DataTestHost.StartAsync(seed: true);
        await host.InScopeAsync(sp => sp.GetRequiredService<ITranscriptStore>()
            .AppendCommittedAsync("ada-now", DataTestHost.UserMessage("my card is [redacted]", "demo-ada"), CancellationToken.None));
        await EscalationStoreTests.EscalateAsync(host, "ada-now", "demo-ada");
        var privacy = host.Services.GetRequiredService<IPrivacyStore>();

        var export = await privacy.ExportAsync(Ada, CancellationToken.None);
        var json = JsonSerializer.Serialize(export, JsonSerializerOptions.Web);

        Assert.NotNull(export);
        Assert.Equal("demo-ada", Assert.Single(export.Identities).ChannelUserId);
        Assert.Equal("Ada", export.Facts["name"]);
        Assert.Equal(2, export.Orders.Count);
        Assert.Equal(["demo-ada-past-1", "ada-now"], export.Conversations.Select(c => c.Summary.Id));
        Assert.Equal(2, export.Conversations[0].Activities.Count);
        Assert.Equal("track_order", export.Conversations[0].Activities[0].Intent);
        Assert.Single(export.Escalations);
        Assert.Contains("my card is [redacted]", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Grace", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownCustomer_IsNull()
    {
        await using var host = await DataTestHost.StartAsync(seed: true);

        var export = await host.Services.GetRequiredService<IPrivacyStore>().ExportAsync("cus_nobody", CancellationToken.None);

        Assert.Null(export);
    }

    [Fact]
    public async Task Erase_Customer_RemovesEveryTraceAndLeavesOthersIntact()
    {
        await using var host = await DataTestHost.StartAsync(seed: true);
        await host.InScopeAsync(sp => sp.GetRequiredService<ITranscriptStore>()
            .AppendCommittedAsync("ada-now", DataTestHost.UserMessage("please help", "demo-ada"), CancellationToken.None));
        var escalation = await EscalationStoreTests.EscalateAsync(host, "ada-now", "demo-ada");
        await host.Services.GetRequiredService<IEscalationStore>()
            .SetSlackMessageAsync(escalation.Summary.Id, "C0AGENTS", "1700000000.000100", CancellationToken.None);
        await EscalationStoreTests.EscalateAsync(host, "grace-now", "demo-grace");
        await using var before = host.OpenDb();
        var graceRows = (await before.Activities.CountAsync(a => a.ConversationId.StartsWith("demo-grace") || a.ConversationId == "grace-now"),
            await before.Orders.CountAsync(o => o.CustomerId == "cus_demo_grace"),
            await before.Escalations.CountAsync(e => e.CustomerId == "cus_demo_grace"));
        var otherItems = await before.OrderItems.CountAsync(i => before.Orders.Any(o => o.Id == i.OrderId && o.CustomerId != Ada));

        var erased = await host.Services.GetRequiredService<IPrivacyStore>().EraseAsync(Ada, CancellationToken.None);
        await using var db = host.OpenDb();

        Assert.NotNull(erased);
        Assert.Equal(2, erased.Conversations);
        Assert.Equal(3, erased.Activities);
        Assert.Equal(1, erased.Escalations);
        Assert.Equal(1, erased.SlackCardsToTombstone);
        Assert.False(await db.Customers.AnyAsync(c => c.Id == Ada));
        Assert.False(await db.ChannelIdentities.AnyAsync(i => i.CustomerId == Ada));
        Assert.False(await db.ProfileFacts.AnyAsync(f => f.CustomerId == Ada));
        Assert.False(await db.Orders.AnyAsync(o => o.CustomerId == Ada));
        Assert.False(await db.Conversations.AnyAsync(c => c.CustomerId == Ada));
        Assert.False(await db.Activities.AnyAsync(a => a.ConversationId == "ada-now" || a.ConversationId == "demo-ada-past-1"));
        Assert.False(await db.Escalations.AnyAsync(e => e.CustomerId == Ada));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.CustomerId == Ada || m.EscalationId == escalation.Summary.Id));
        Assert.Equal(otherItems, await db.OrderItems.CountAsync());

        // Nothing in the file still mentions the customer, except the tombstone's card location.
        var tombstone = await db.OutboxMessages.SingleAsync(m => m.Type == OutboxMessageTypes.EscalationErased);
        var payload = JsonSerializer.Deserialize<EscalationOutboxPayload>(tombstone.PayloadJson, JsonSerializerOptions.Web);
        Assert.Equal(("C0AGENTS", "1700000000.000100"), (payload?.SlackChannel, payload?.SlackMessageTs));
        Assert.DoesNotContain("demo-ada", await DumpAsync(db), StringComparison.Ordinal);
        Assert.DoesNotContain(Ada, await DumpAsync(db), StringComparison.Ordinal);

        var graceAfter = (await db.Activities.CountAsync(a => a.ConversationId.StartsWith("demo-grace") || a.ConversationId == "grace-now"),
            await db.Orders.CountAsync(o => o.CustomerId == "cus_demo_grace"),
            await db.Escalations.CountAsync(e => e.CustomerId == "cus_demo_grace"));
        Assert.Equal(graceRows, graceAfter);
    }

    [Fact]
    public async Task Erase_UnknownCustomer_IsNull()
    {
        await using var host = await DataTestHost.StartAsync();

        var erased = await host.Services.GetRequiredService<IPrivacyStore>().EraseAsync("cus_nobody", CancellationToken.None);

        Assert.Null(erased);
    }

    [Fact]
    public async Task FindCustomerId_KnownIdentity_ReturnsCustomer()
    {
        await using var host = await DataTestHost.StartAsync(seed: true);
        var privacy = host.Services.GetRequiredService<IPrivacyStore>();

        var known = await privacy.FindCustomerIdAsync("slack", "U0DEMOGRACE", CancellationToken.None);
        var unknown = await privacy.FindCustomerIdAsync("slack", "U0NOBODY", CancellationToken.None);

        Assert.Equal("cus_demo_grace", known);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task DeleteInactive_OldAndRecentConversations_DeletesOnlyOldOnesNotHeldByAnAgent()
    {
        await using var host = await DataTestHost.StartAsync();
        await host.RunTurnAsync("old", (sp, _) => { sp.GetRequiredService<ITranscriptStore>().Stage("old", DataTestHost.BotMessage("hi")); return Task.CompletedTask; });
        var held = await EscalationStoreTests.EscalateAsync(host, "old-held", "user-2");
        await host.Services.GetRequiredService<IEscalationStore>().ClaimAsync(held.Summary.Id, "agent-1", CancellationToken.None);
        var resolved = await EscalationStoreTests.EscalateAsync(host, "old-resolved", "user-3");
        await host.Services.GetRequiredService<IEscalationStore>().ResolveAsync(resolved.Summary.Id, "agent-1", CancellationToken.None);
        host.Time.Advance(TimeSpan.FromDays(40));
        await host.RunTurnAsync("recent", (sp, _) => { sp.GetRequiredService<ITranscriptStore>().Stage("recent", DataTestHost.BotMessage("hi")); return Task.CompletedTask; });

        var result = await host.Services.GetRequiredService<IPrivacyStore>()
            .DeleteInactiveConversationsAsync(host.Time.GetUtcNow().AddDays(-30), CancellationToken.None);
        await using var db = host.OpenDb();

        Assert.Equal(2, result.Conversations);
        Assert.Equal(1, result.Activities);
        Assert.Equal(["old-held", "recent"], await db.Conversations.Select(c => c.Id).OrderBy(id => id).ToListAsync());
        Assert.Equal([held.Summary.Id], await db.Escalations.Select(e => e.Id).ToListAsync());
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.EscalationId == resolved.Summary.Id));
        Assert.Equal(HandoffState.Agent, (await db.Conversations.SingleAsync(c => c.Id == "old-held")).Handoff);
    }

    private static async Task<string> DumpAsync(CustomerServiceDbContext db)
    {
        var parts = new List<string>();
        parts.AddRange(await db.Customers.Select(c => c.Id + " " + c.DisplayName).ToListAsync());
        parts.AddRange(await db.ChannelIdentities.Select(i => i.ChannelUserId + " " + i.CustomerId).ToListAsync());
        parts.AddRange(await db.Conversations.Select(c => c.Id + " " + c.CustomerId).ToListAsync());
        parts.AddRange(await db.Activities.Select(a => a.Json).ToListAsync());
        parts.AddRange(await db.Escalations.Select(e => e.CustomerId + " " + e.ConversationId + " " + e.RecentMessagesJson).ToListAsync());
        parts.AddRange(await db.OutboxMessages.Select(m => m.PayloadJson + " " + m.CustomerId).ToListAsync());
        parts.AddRange(await db.ProfileFacts.Select(f => f.CustomerId + " " + f.Value).ToListAsync());
        parts.AddRange(await db.Orders.Select(o => o.CustomerId + " " + o.Number).ToListAsync());
        return string.Join('\n', parts);
    }
}

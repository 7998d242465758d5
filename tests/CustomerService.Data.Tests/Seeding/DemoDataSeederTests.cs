using CustomerService.Core.Activities;
using CustomerService.Core.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Data.Tests.Seeding;

public sealed class DemoDataSeederTests
{
    [Fact]
    public async Task Seed_FirstRun_CreatesThreeCustomersWithOrdersAndAPastConversation()
    {
        await using var host = await DataTestHost.StartAsync(seed: true);
        await using var db = host.OpenDb();

        var customers = await db.Customers.CountAsync();
        var statuses = await db.Orders.Select(o => o.Status).Distinct().ToListAsync();
        var categories = await db.Orders.Select(o => o.Category).Distinct().ToListAsync();
        var past = await db.Activities.Where(a => a.Intent != null).ToListAsync();

        Assert.Equal(3, customers);
        Assert.True(statuses.Count >= 4, "Orders should be in several states.");
        Assert.True(categories.Count >= 3, "Orders should be in several categories.");
        Assert.NotEmpty(past);
    }

    [Fact]
    public async Task Seed_RunTwice_AddsNothingTheSecondTime()
    {
        await using var host = await DataTestHost.StartAsync(seed: true);
        await using var db = host.OpenDb();
        var before = (await db.Customers.CountAsync(), await db.Orders.CountAsync(), await db.Activities.CountAsync(), await db.ProfileFacts.CountAsync());

        await host.Services.InitializeDataAsync();
        await host.OpenSecondProcess().InitializeDataAsync();
        var after = (await db.Customers.CountAsync(), await db.Orders.CountAsync(), await db.Activities.CountAsync(), await db.ProfileFacts.CountAsync());

        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Seed_DemoWebChatUser_IsRecognisedWhenTheyChat()
    {
        await using var host = await DataTestHost.StartAsync(seed: true);

        var state = await host.InScopeAsync(sp => sp.GetRequiredService<IConversationStore>()
            .LoadAsync("webchat", "new-conv", new ChannelAccount("demo-ada", "demo-ada", RoleTypes.User), CancellationToken.None));
        var context = await host.InScopeAsync(sp => sp.GetRequiredService<ICustomerStore>().GetContextAsync(state.CustomerId, CancellationToken.None));

        Assert.Equal("cus_demo_ada", state.CustomerId);
        Assert.Equal("Ada", context.Name);
    }

    [Fact]
    public async Task Seed_PastConversation_ContinuesItsSequence()
    {
        await using var host = await DataTestHost.StartAsync(seed: true);

        var stored = await host.InScopeAsync(sp => sp.GetRequiredService<ITranscriptStore>()
            .AppendCommittedAsync("demo-ada-past-1", DataTestHost.UserMessage("back again", "demo-ada"), CancellationToken.None));

        Assert.Equal(3, stored.Sequence);
    }
}

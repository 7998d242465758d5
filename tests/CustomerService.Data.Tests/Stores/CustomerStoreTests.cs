using CustomerService.Core.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Data.Tests.Stores;

public sealed class CustomerStoreTests
{
    private const string Ada = "cus_demo_ada";
    private const string Grace = "cus_demo_grace";

    [Fact]
    public async Task FindOrder_AnotherCustomersNumber_ReturnsNull()
    {
        await using var host = await DataTestHost.StartAsync(seed: true);

        var order = await host.InScopeAsync(sp => sp.GetRequiredService<ICustomerStore>().FindOrderAsync(Grace, "ORD-1001", CancellationToken.None));

        Assert.Null(order);
    }

    [Theory]
    [InlineData("ORD-1001")]
    [InlineData("ord-1001")]
    [InlineData("  #ORD-1001 ")]
    public async Task FindOrder_OwnNumberInAnySpelling_ReturnsOrderWithItems(string number)
    {
        await using var host = await DataTestHost.StartAsync(seed: true);

        var order = await host.InScopeAsync(sp => sp.GetRequiredService<ICustomerStore>().FindOrderAsync(Ada, number, CancellationToken.None));

        Assert.NotNull(order);
        Assert.Equal("ORD-1001", order.Number);
        Assert.Equal("shipped", order.Status);
        Assert.Equal(148.00m, order.Total);
        Assert.Equal(["Noise-cancelling headphones", "2 × USB-C charging cable"], order.Items);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("' OR 1=1 --")]
    [InlineData("ORD-1001' OR '1'='1")]
    public async Task FindOrder_GarbageOrInjection_ReturnsNull(string number)
    {
        await using var host = await DataTestHost.StartAsync(seed: true);

        var order = await host.InScopeAsync(sp => sp.GetRequiredService<ICustomerStore>().FindOrderAsync(Ada, number, CancellationToken.None));

        Assert.Null(order);
    }

    [Fact]
    public async Task ListOrders_Customer_ReturnsOnlyTheirsNewestFirst()
    {
        await using var host = await DataTestHost.StartAsync(seed: true);

        var orders = await host.InScopeAsync(sp => sp.GetRequiredService<ICustomerStore>().ListOrdersAsync(Ada, CancellationToken.None));

        Assert.Equal(["ORD-1001", "ORD-0954"], orders.Select(o => o.Number));
    }

    [Fact]
    public async Task GetContext_SeededAda_HasNameOpenOrderLastIssueAndCategories()
    {
        await using var host = await DataTestHost.StartAsync(seed: true);

        var context = await host.InScopeAsync(sp => sp.GetRequiredService<ICustomerStore>().GetContextAsync(Ada, CancellationToken.None));

        Assert.Equal("Ada", context.Name);
        Assert.Equal("ORD-1001", context.OpenOrderNumber);
        Assert.Equal("shipped", context.OpenOrderStatus);
        Assert.Equal("track_order", context.LastIssue);
        Assert.Equal(["electronics", "books"], context.PreferredCategories);
    }

    [Fact]
    public async Task GetContext_UnknownCustomer_IsAnonymous()
    {
        await using var host = await DataTestHost.StartAsync(seed: true);

        var context = await host.InScopeAsync(sp => sp.GetRequiredService<ICustomerStore>().GetContextAsync("cus_nobody", CancellationToken.None));

        Assert.Same(CustomerContext.Anonymous, context);
    }

    [Fact]
    public async Task SetFact_CommittedWithTurn_UpdatesTheContextName()
    {
        await using var host = await DataTestHost.StartAsync();
        string? customerId = null;
        await host.RunTurnAsync("conv-a", async (sp, state) =>
        {
            customerId = state.CustomerId;
            await sp.GetRequiredService<ICustomerStore>().SetFactAsync(state.CustomerId, "name", "Ann", CancellationToken.None);
        });

        await host.RunTurnAsync("conv-a", (sp, state) =>
            sp.GetRequiredService<ICustomerStore>().SetFactAsync(state.CustomerId, "name", "Annie", CancellationToken.None));
        var context = await host.InScopeAsync(sp => sp.GetRequiredService<ICustomerStore>().GetContextAsync(customerId!, CancellationToken.None));
        await using var db = host.OpenDb();

        Assert.Equal("Annie", context.Name);
        Assert.Equal(1, await db.ProfileFacts.CountAsync());
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("first name")]
    [InlineData("")]
    [InlineData("name;drop")]
    public async Task SetFact_InvalidKey_ThrowsArgumentException(string key)
    {
        await using var host = await DataTestHost.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => host.RunTurnAsync("conv-a", (sp, state) =>
            sp.GetRequiredService<ICustomerStore>().SetFactAsync(state.CustomerId, key, "x", CancellationToken.None)));
    }

    [Fact]
    public async Task SetFact_OverlongValue_ThrowsArgumentException()
    {
        await using var host = await DataTestHost.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => host.RunTurnAsync("conv-a", (sp, state) =>
            sp.GetRequiredService<ICustomerStore>().SetFactAsync(state.CustomerId, "note", new string('x', DataLimits.MaxFactValueLength + 1), CancellationToken.None)));
    }
}

using System.Net;
using CustomerService.Bot.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerService.Bot.Tests.Security;

public sealed class RetentionWorkerTests
{
    [Fact]
    public async Task RunOnce_ConversationIdleLongerThanRetentionDays_IsDeleted()
    {
        await using var app = new BotApplication(SecurityTestSettings.Merge(
            SecurityTestSettings.Admin(),
            new Dictionary<string, string?> { ["Privacy:RetentionDays"] = "30", ["Privacy:RetentionInterval"] = "7.00:00:00" }));
        await using var old = await TestCustomer.StartAsync(app);
        await old.SayAsync("please forget me in a month");
        app.Clock.Advance(TimeSpan.FromDays(29));
        await using var recent = await TestCustomer.StartAsync(app);
        await recent.SayAsync("I am still here");
        app.Clock.Advance(TimeSpan.FromDays(2));

        var result = await Worker(app).RunOnceAsync(CancellationToken.None);

        Assert.NotNull(result);
        var admin = new AdminTestClient(app);
        Assert.Empty(await ConversationsOfAsync(admin, old.UserId));
        Assert.Single(await ConversationsOfAsync(admin, recent.UserId));
    }

    [Fact]
    public async Task RunOnce_RetentionDaysZero_KeepsEverything()
    {
        await using var app = new BotApplication(SecurityTestSettings.Merge(
            SecurityTestSettings.Admin(),
            new Dictionary<string, string?> { ["Privacy:RetentionDays"] = "0" }));
        await using var customer = await TestCustomer.StartAsync(app);
        await customer.SayAsync("keep me");
        app.Clock.Advance(TimeSpan.FromDays(3650));

        var result = await Worker(app).RunOnceAsync(CancellationToken.None);

        Assert.Null(result);
        Assert.Single(await ConversationsOfAsync(new AdminTestClient(app), customer.UserId));
    }

    private static RetentionWorker Worker(BotApplication app) =>
        app.Services.GetServices<IHostedService>().OfType<RetentionWorker>().Single();

    private static async Task<System.Text.Json.Nodes.JsonArray> ConversationsOfAsync(AdminTestClient admin, string userId)
    {
        var customerId = await admin.CustomerIdOfAsync(userId);
        using var export = await admin.ExportAsync(customerId);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        return (await AdminTestClient.ReadJsonAsync(export))["conversations"]!.AsArray();
    }
}

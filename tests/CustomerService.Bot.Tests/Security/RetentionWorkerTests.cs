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
            new Dictionary<string, string?> { ["Privacy:RetentionDays"] = "2", ["Privacy:RetentionInterval"] = "7.00:00:00" }));
        var old = await ChatAndLeaveAsync(app, "please forget me soon");
        app.Clock.Advance(TimeSpan.FromDays(1.5));
        var recent = await ChatAndLeaveAsync(app, "I am still here");
        app.Clock.Advance(TimeSpan.FromDays(1));

        var result = await Worker(app).RunOnceAsync(CancellationToken.None);

        Assert.NotNull(result);
        var admin = new AdminTestClient(app);
        Assert.Empty(await ConversationsOfAsync(admin, old));
        Assert.Single(await ConversationsOfAsync(admin, recent));
    }

    [Fact]
    public async Task RunOnce_RetentionDaysZero_KeepsEverything()
    {
        await using var app = new BotApplication(SecurityTestSettings.Merge(
            SecurityTestSettings.Admin(),
            new Dictionary<string, string?> { ["Privacy:RetentionDays"] = "0" }));
        var customer = await ChatAndLeaveAsync(app, "keep me");
        app.Clock.Advance(TimeSpan.FromDays(3));

        var result = await Worker(app).RunOnceAsync(CancellationToken.None);

        Assert.Null(result);
        Assert.Single(await ConversationsOfAsync(new AdminTestClient(app), customer));
    }

    /// <summary>
    /// Chats, then closes the stream before the test moves the clock: an open socket's keep-alive would otherwise
    /// fire for every 15 s of the skipped days.
    /// </summary>
    private static async Task<string> ChatAndLeaveAsync(BotApplication app, string text)
    {
        await using var customer = await TestCustomer.StartAsync(app);
        await customer.SayAsync(text);
        return customer.UserId;
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

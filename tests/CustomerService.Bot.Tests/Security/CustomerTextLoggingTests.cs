using CustomerService.Bot.Tests.Agents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerService.Bot.Tests.Security;

/// <summary>Customer text is personal data: above Debug it is never logged, and at Debug it is logged redacted.</summary>
public sealed class CustomerTextLoggingTests
{
    private const string Canary = "zebra-canary-3307";
    private const string Card = "4111 1111 1111 1111";
    private const string Email = "ada.lovelace@example.com";
    private const string Phone = "+44 20 7946 0958";
    private static readonly string Message = $"{Canary} my card {Card}, mail {Email}, call {Phone}";

    [Fact]
    public async Task TurnAndEscalation_AtInformation_LogNoCustomerText()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = Host(logs, "Information");

        await RunConversationAsync(app);

        var entries = logs.Entries;
        Assert.Contains(entries, e => e.EventId.Id == 1001);
        Assert.DoesNotContain(entries, e => e.Level < LogLevel.Information);
        foreach (var secret in new[] { Canary, Card, Email, Phone, "parcel-canary-1187" })
        {
            Assert.DoesNotContain(entries, e => e.Everything.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Turn_AtDebug_LogsCustomerTextOnlyRedacted()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = Host(logs, "Debug");

        await RunConversationAsync(app);

        var entries = logs.Entries;
        Assert.Contains(entries, e => e.Level == LogLevel.Debug && e.Everything.Contains(Canary, StringComparison.Ordinal) && e.Everything.Contains("[card]", StringComparison.Ordinal));
        foreach (var secret in new[] { Card, Email, Phone })
        {
            Assert.DoesNotContain(entries, e => e.Everything.Contains(secret, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Information && e.Everything.Contains(Canary, StringComparison.Ordinal));
    }

    private static BotApplication Host(CapturingLoggerProvider logs, string level) => new(
        SecurityTestSettings.Merge(
            AgentTestOptions.AsConfiguration(),
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = level,
                ["Logging:LogLevel:Microsoft"] = level,
                ["Logging:LogLevel:Microsoft.AspNetCore"] = level,
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information",
            }),
        services => services.AddLogging(builder => builder.AddProvider(logs)));

    private static async Task RunConversationAsync(BotApplication app)
    {
        await using var customer = await TestCustomer.StartAsync(app);
        await customer.SayAsync(Message);
        await customer.SayAsync("parcel-canary-1187 where is my parcel?");
        await customer.EscalateAsync();
    }
}

using CustomerService.Core;
using CustomerService.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Bot.Tests.Slack;

/// <summary>Core's real PII redactor, taken from Core's own DI entry point (the class itself is internal to Core).</summary>
internal static class SlackTestRedactor
{
    private static readonly Lazy<ITextRedactor> Instance = new(() =>
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddCustomerServiceCore(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        return services.GetRequiredService<ITextRedactor>();
    });

    public static ITextRedactor Redactor => Instance.Value;
}

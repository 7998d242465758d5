using CustomerService.Bot.Agents;
using CustomerService.Bot.Channels.Slack.WebApi;
using CustomerService.Bot.Workers;
using CustomerService.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerService.Bot.Tests.Security;

/// <summary>Configuration for the security tests' hosts: an admin key, agent credentials, Slack against the fake Web API.</summary>
internal static class SecurityTestSettings
{
    public const string AdminKey = "csa_test-admin-key-0123456789abcdef0123456789";
    public const string SlackSigningSecret = "test-slack-signing-secret";
    public const string CardsChannel = "C0CARDS";

    public static Dictionary<string, string?> Admin() => new()
    {
        ["Admin:ApiKeys:0:Name"] = "privacy-officer",
        ["Admin:ApiKeys:0:KeyHash"] = AgentAccountStore.HashApiKey(AdminKey),
    };

    public static Dictionary<string, string?> Slack() => new()
    {
        ["Slack:Enabled"] = "true",
        ["Slack:SigningSecret"] = SlackSigningSecret,
        ["Slack:BotToken"] = "xoxb-test",
        ["Slack:EscalationChannel"] = CardsChannel,
        ["Slack:ApiBaseUrl"] = "https://slack.test/api/",
        ["Slack:MaxRetryAttempts"] = "0",
    };

    public static Dictionary<string, string?> Merge(params IEnumerable<KeyValuePair<string, string?>>[] parts)
    {
        var merged = new Dictionary<string, string?>();
        foreach (var (key, value) in parts.SelectMany(p => p))
        {
            merged[key] = value;
        }

        return merged;
    }

    /// <summary>Sends the Slack client to <paramref name="slack"/> and takes the outbox worker off its timer: tests drain it.</summary>
    public static void UseFakeSlack(IServiceCollection services, FakeSlackWebApi slack)
    {
        services.AddHttpClient(SlackApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => slack);
        foreach (var worker in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(EscalationOutboxWorker)).ToList())
        {
            services.Remove(worker);
        }
    }

    public static Task DrainOutboxAsync(BotApplication app) =>
        ActivatorUtilities.CreateInstance<EscalationOutboxWorker>(app.Services).DrainAsync(CancellationToken.None);
}

using CustomerService.Bot.Agents;
using CustomerService.Core.Ports;
using CustomerService.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CustomerService.EndToEnd.Tests.Agents;

/// <summary>
/// The real host on Kestrel with two agent accounts and a scripted classifier, so the hand-off is deterministic:
/// what is under test here is the agent console and the channel round trip, not the model.
/// </summary>
public sealed class AgentConsoleServer : WebApplicationFactory<Program>
{
    public const string AskForHuman = "I want to talk to a human please";
    public const string AlicePassword = "alice-e2e-password-1234";
    public const string BobPassword = "bob-e2e-password-5678";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"customerservice-agent-e2e-{Guid.NewGuid():N}.db");

    public AgentConsoleServer()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::1]", "localhost", StringComparison.Ordinal).Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
    }

    public Uri BaseAddress { get; }

    public ScriptedIntentClassifier Classifier { get; } = new ScriptedIntentClassifier
    {
        Fallback = _ => new IntentPrediction("greeting", 0.95f, [new IntentScore("greeting", 0.95f)]),
    }.When(AskForHuman, "contact_human_agent", 0.97f);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot(string.Empty);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = $"Data Source={_databasePath}",
            ["DirectLine:Secret"] = "agent-e2e-directline-secret-0123456789",
            ["Agents:Users:0:UserName"] = "alice",
            ["Agents:Users:0:DisplayName"] = "Alice Agent",
            ["Agents:Users:0:PasswordHash"] = AgentAccountStore.HashPassword(AlicePassword),
            ["Agents:Users:1:UserName"] = "bob",
            ["Agents:Users:1:DisplayName"] = "Bob Agent",
            ["Agents:Users:1:PasswordHash"] = AgentAccountStore.HashPassword(BobPassword),
        }));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IIntentClassifier>();
            services.RemoveAll<IResponseGenerator>();
            services.AddSingleton<IIntentClassifier>(Classifier);
            services.AddSingleton<IResponseGenerator>(new ScriptedResponseGenerator());
            foreach (var warmup in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "ModelWarmupService").ToList())
            {
                services.Remove(warmup);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}

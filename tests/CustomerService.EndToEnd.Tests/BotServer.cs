using System.Net;
using CustomerService.Core.Ports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.EndToEnd.Tests;

/// <summary>
/// The real host on real Kestrel at a free localhost port, with the real models and a fresh SQLite file.
/// Models come from <c>models/intent</c> and <c>models/responder</c>; point <c>Nlu__Classifier__ModelPath</c> and
/// <c>Nlu__Generator__ModelPath</c> elsewhere (e.g. the NLU fixtures) to run on other models.
/// </summary>
public sealed class BotServer : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"customerservice-e2e-{Guid.NewGuid():N}.db");

    public BotServer()
    {
        // Port 0 on the loopback address: the OS picks a free port (Kestrel refuses port 0 on 'localhost').
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
    }

    public Uri BaseAddress { get; }

    public AnnotationRecorder Annotations { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot(string.Empty);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = $"Data Source={_databasePath}",
            ["DirectLine:Secret"] = Environment.GetEnvironmentVariable("DirectLine__Secret") ?? "e2e-directline-secret-0123456789",
            ["WebChat:DemoCustomers:0:UserId"] = "demo-e2e",
            ["WebChat:DemoCustomers:0:Name"] = "Edith",
        }));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Annotations);
            var registration = services.Last(d => d.ServiceType == typeof(ITranscriptStore));
            services.Remove(registration);
            services.AddScoped<ITranscriptStore>(provider => new RecordingTranscriptStore(
                (ITranscriptStore)ActivatorUtilities.CreateInstance(provider, registration.ImplementationType!),
                provider.GetRequiredService<AnnotationRecorder>()));
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

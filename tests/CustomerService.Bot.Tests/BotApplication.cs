using CustomerService.Core.Ports;
using CustomerService.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Bot.Tests;

/// <summary>
/// The real host in memory: in-memory SQLite on a connection held open for the factory's life, scripted NLU
/// (no models load) unless a test opts in, and a fixed clock. Each test makes its own conversations.
/// </summary>
public sealed class BotApplication : WebApplicationFactory<Program>
{
    public const string Secret = "test-directline-secret-0123456789";
    public const string SigningKey = "test-signing-key-0123456789abcdef0123456789abcdef";

    private readonly SqliteConnection _connection;
    private readonly string _connectionString;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public BotApplication(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        // A shared-cache in-memory database lives as long as one connection to it is open.
        _connectionString = $"Data Source=file:bot-tests-{Guid.NewGuid():N}?mode=memory&cache=shared";
        _connection = new SqliteConnection(_connectionString);
        _connection.Open();
        _configureServices = configureServices;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = _connectionString,
            ["DirectLine:Secret"] = Secret,
            ["DirectLine:TokenSigningKey"] = SigningKey,
            ["Database:SeedDemoData"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>This factory's database: another factory given it as <c>ConnectionStrings:CustomerService</c> is a restart.</summary>
    public string ConnectionString => _connectionString;

    /// <summary>The fixed clock every service of the host sees; tests move it forward explicitly.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    /// <summary>Scripted NLU: unscripted texts are a confident greeting, which the shipped dialogs answer.</summary>
    public ScriptedNlu Nlu { get; } = new(new ScriptedIntentClassifier
    {
        Fallback = _ => new IntentPrediction("greeting", 0.95f, [new IntentScore("greeting", 0.95f)]),
    });

    public ScriptedResponseGenerator Generator { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The repo root is the content root in production too (dialogs/, models/).
        builder.UseSolutionRelativeContentRoot(string.Empty);
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);

            // No model is loaded in these tests: the scripted NLU answers, and warm-up does not run.
            services.RemoveAll<IIntentClassifier>();
            services.RemoveAll<IResponseGenerator>();
            services.AddSingleton<IIntentClassifier>(Nlu);
            services.AddSingleton<IResponseGenerator>(Generator);
            var warmup = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "ModelWarmupService").ToList();
            foreach (var descriptor in warmup)
            {
                services.Remove(descriptor);
            }

            _configureServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _connection.Dispose();
        }
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using CustomerService.Bot.Channels.Slack;
using CustomerService.Bot.Channels.Slack.WebApi;
using CustomerService.Bot.Channels.Slack.SocketMode;
using CustomerService.Bot.Workers;
using CustomerService.Core;
using CustomerService.Core.Ports;
using CustomerService.Data;
using CustomerService.Testing;
using CustomerService.Testing.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Bot.Tests.Slack;

/// <summary>
/// The Slack channel in an in-process host on the real Core pipeline and the real SQLite stores (in memory), with
/// scripted NLU, a fixed clock and the fake Slack Web API behind the Slack HttpClient. It composes what Program.cs
/// composes for Slack (AddCustomerServiceCore, AddData, AddSlack, MapSlack) so these tests do not depend on the
/// rest of the host. The outbox worker is stepped by the test (<see cref="DrainOutboxAsync"/>) instead of a timer.
/// </summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    public const string SigningSecret = "test-slack-signing-secret";
    public const string CardsChannel = "C0CARDS";
    public const string TeamId = "T0001";

    /// <summary>Where every host's clock starts unless a test says otherwise.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly SqliteConnection _database;
    private readonly bool _ownsDatabase;

    private SlackTestHost(WebApplication app, FakeSlackWebApi slack, FakeTimeProvider clock, SqliteConnection database, bool ownsDatabase)
    {
        App = app;
        Slack = slack;
        Clock = clock;
        _database = database;
        _ownsDatabase = ownsDatabase;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public FakeSlackWebApi Slack { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>Scripted NLU: unscripted texts are a confident greeting.</summary>
    public ScriptedIntentClassifier Classifier => App.Services.GetRequiredService<ScriptedIntentClassifier>();

    public RecordingAgentNotifier Notifier => App.Services.GetRequiredService<RecordingAgentNotifier>();

    public RecordingLoggerProvider Logs => App.Services.GetRequiredService<RecordingLoggerProvider>();

    /// <summary>The open connection that keeps the in-memory database alive; pass it to a second host to simulate a restart.</summary>
    public SqliteConnection Database => _database;

    public static async Task<SlackTestHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        SqliteConnection? database = null,
        FakeSlackWebApi? slack = null,
        DateTimeOffset? now = null)
    {
        var ownsDatabase = database is null;
        database ??= OpenDatabase();
        slack ??= new FakeSlackWebApi { TeamId = TeamId };
        var clock = new FakeTimeProvider(now ?? Epoch);
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = database.ConnectionString,
            ["Database:SeedDemoData"] = "false",
            ["Slack:Enabled"] = "true",
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = "xoxb-test",
            ["Slack:EscalationChannel"] = CardsChannel,
            ["Slack:ApiBaseUrl"] = "https://slack.test/api/",
            ["Slack:AgentPageBaseUrl"] = "https://support.example.com/",

            // Web API retries are covered by SlackApiClientTests on a stepped clock; here a failure surfaces at once.
            ["Slack:MaxRetryAttempts"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = RepositoryRoot(),
            EnvironmentName = "Testing",
        });
        builder.WebHost.UseTestServer();
        builder.Host.UseDefaultServiceProvider(provider => (provider.ValidateScopes, provider.ValidateOnBuild) = (true, true));
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(values);
        var logs = new RecordingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);

        var services = builder.Services;
        services.AddSingleton(logs);
        services.AddSingleton<TimeProvider>(clock);
        services.AddCustomerServiceCore(builder.Configuration);
        services.AddData(builder.Configuration);
        services.AddSlack();

        var classifier = new ScriptedIntentClassifier { Fallback = _ => new IntentPrediction("greeting", 0.95f, [new IntentScore("greeting", 0.95f)]) };
        services.AddSingleton(classifier);
        services.AddSingleton<IIntentClassifier>(classifier);
        services.AddSingleton<IResponseGenerator>(new ScriptedResponseGenerator());
        services.AddSingleton<RecordingAgentNotifier>();
        services.AddSingleton<CustomerService.Bot.Agents.IAgentNotifier>(provider => provider.GetRequiredService<RecordingAgentNotifier>());
        services.AddHttpClient(SlackApiClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => slack);

        // The test steps the outbox worker itself, so nothing races it.
        services.RemoveAll<EscalationOutboxWorker>();
        foreach (var worker in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(EscalationOutboxWorker)).ToList())
        {
            services.Remove(worker);
        }

        configureServices?.Invoke(services);

        var app = builder.Build();
        app.MapSlack();
        await app.StartAsync();
        var host = new SlackTestHost(app, slack, clock, database, ownsDatabase);

        // auth.test runs at start; wait for it so self-filtering is in force before the test sends anything.
        if (values["Slack:Enabled"] == "true")
        {
            await slack.WaitForAsync(c => c.Method == "auth.test" && c.Ok);
            await WaitForAsync(() => app.Services.GetRequiredService<SlackIdentityAccessor>().Current is not null);
        }

        return host;
    }

    public static SqliteConnection OpenDatabase()
    {
        // A shared-cache in-memory database lives as long as one connection to it is open.
        var connection = new SqliteConnection($"Data Source=file:slack-tests-{Guid.NewGuid():N}?mode=memory&cache=shared");
        connection.Open();
        return connection;
    }

    /// <summary>A second connection to the same in-memory database: it keeps the data alive across a host restart.</summary>
    public static SqliteConnection OpenDatabaseAlias(SqliteConnection database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var alias = new SqliteConnection(database.ConnectionString);
        alias.Open();
        return alias;
    }

    /// <summary>Sends a signed Events API body, signed exactly as Slack signs it.</summary>
    public Task<HttpResponseMessage> PostEventAsync(string json, int? retryNum = null, Action<HttpRequestMessage>? tamper = null)
    {
        var request = SlackRequestSigner.Json(new Uri("/api/slack/events", UriKind.Relative), json, SigningSecret, Clock.GetUtcNow());
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        tamper?.Invoke(request);
        return Client.SendAsync(request);
    }

    /// <summary>Sends a signed interactivity form (<c>payload=…</c>).</summary>
    public Task<HttpResponseMessage> PostInteractionAsync(string payloadJson) =>
        Client.SendAsync(SlackRequestSigner.Interaction(new Uri("/api/slack/interactions", UriKind.Relative), payloadJson, SigningSecret, Clock.GetUtcNow()));

    /// <summary>Runs the escalation outbox worker once over every due row.</summary>
    public async Task DrainOutboxAsync()
    {
        var worker = ActivatorUtilities.CreateInstance<EscalationOutboxWorker>(App.Services);
        await worker.DrainAsync(CancellationToken.None);
    }

    /// <summary>Waits (without sleeping) until the background work made <paramref name="condition"/> true.</summary>
    public static async Task WaitForAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }
        }
    }

    /// <summary>Waits until the conversation has an open escalation (its turn committed).</summary>
    public async Task WaitForEscalationAsync(string conversationId)
    {
        var store = App.Services.GetRequiredService<Data.Escalations.IEscalationStore>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await store.FindOpenByConversationAsync(conversationId, cts.Token) is null)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, cts.Token);
        }
    }

    public async Task<IReadOnlyList<StoredActivity>> TranscriptAsync(string conversationId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ITranscriptStore>().ReadAsync(conversationId, 0, 1000, CancellationToken.None);
    }

    public static string MessageEvent(
        string eventId, string channel, string user, string text, string ts, string? threadTs = null, string type = "message", string? channelType = null, IReadOnlyDictionary<string, object?>? more = null)
    {
        var inner = new Dictionary<string, object?>
        {
            ["type"] = type,
            ["channel"] = channel,
            ["channel_type"] = channelType ?? (channel.StartsWith('D') ? "im" : "channel"),
            ["user"] = user,
            ["text"] = text,
            ["ts"] = ts,
            ["event_ts"] = ts,
        };
        if (threadTs is not null)
        {
            inner["thread_ts"] = threadTs;
        }

        foreach (var (key, value) in more ?? new Dictionary<string, object?>())
        {
            inner[key] = value;
        }

        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["token"] = "deprecated",
            ["team_id"] = TeamId,
            ["api_app_id"] = "A0APP",
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1_772_443_800,
            ["event"] = inner,
        });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }

    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        // From the test binaries (the usual case), else from where this file was compiled.
        var directory = Find(new DirectoryInfo(AppContext.BaseDirectory)) ?? Find(new FileInfo(sourceFile).Directory);
        return directory?.FullName ?? throw new InvalidOperationException("Repository root (CustomerService.sln) not found.");
    }

    private static DirectoryInfo? Find(DirectoryInfo? start)
    {
        var directory = start;
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerService.sln")))
        {
            directory = directory.Parent;
        }

        return directory;
    }
}

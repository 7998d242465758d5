using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Data.Tests;

/// <summary>
/// The data layer on a real SQLite file in a temp folder (WAL needs a file, and concurrency tests need
/// several connections). Each test gets its own database; <see cref="OpenSecondProcess"/> simulates another
/// process on the same file (its own locks and pools).
/// </summary>
public sealed class DataTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private readonly List<ServiceProvider> _providers = [];
    private readonly string _directory;
    private readonly Action<DbContextOptionsBuilder>? _configureDbContext;
    private readonly Dictionary<string, string?> _settings;

    private DataTestHost(Dictionary<string, string?> settings, Action<DbContextOptionsBuilder>? configureDbContext, string directory)
    {
        _settings = settings;
        _configureDbContext = configureDbContext;
        _directory = directory;
        Services = Build();
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public IServiceProvider Services { get; }

    public string DatabasePath => Path.Combine(_directory, "customerservice.db");

    public static async Task<DataTestHost> StartAsync(
        bool seed = false,
        Action<DbContextOptionsBuilder>? configureDbContext = null,
        IDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cs-data-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = $"Data Source={Path.Combine(directory, "customerservice.db")}",
            ["Database:SeedDemoData"] = seed ? "true" : "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new DataTestHost(all, configureDbContext, directory);
        await host.Services.InitializeDataAsync();
        return host;
    }

    /// <summary>A second service provider on the same file: no shared in-process locks, like another process.</summary>
    public IServiceProvider OpenSecondProcess() => Build();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action, IServiceProvider? services = null)
    {
        await using var scope = (services ?? Services).CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> action, IServiceProvider? services = null) =>
        InScopeAsync<bool>(async sp => { await action(sp); return true; }, services);

    /// <summary>Runs a turn in its own scope: loads the conversation, lets <paramref name="body"/> work, commits.</summary>
    public Task<IReadOnlyList<StoredActivity>> RunTurnAsync(
        string conversationId,
        Func<IServiceProvider, ConversationState, Task>? body = null,
        string userId = "user-1",
        IServiceProvider? services = null) =>
        InScopeAsync<IReadOnlyList<StoredActivity>>(
            async sp =>
            {
                var conversations = sp.GetRequiredService<IConversationStore>();
                var state = await conversations.LoadAsync("webchat", conversationId, new ChannelAccount(userId, null, RoleTypes.User), CancellationToken.None);
                if (body is not null)
                {
                    await body(sp, state);
                }

                await conversations.SaveAsync(state, CancellationToken.None);
                return await sp.GetRequiredService<ITurnTransaction>().CommitAsync(CancellationToken.None);
            },
            services);

    /// <summary>Direct access to the database for assertions.</summary>
    internal CustomerServiceDbContext OpenDb() =>
        Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();

    public static Activity UserMessage(string text, string userId = "user-1") => new()
    {
        ChannelId = "webchat",
        From = new ChannelAccount(userId, null, RoleTypes.User),
        Text = text,
    };

    public static Activity BotMessage(string text) => new()
    {
        ChannelId = "webchat",
        From = new ChannelAccount("bot", "Bot", RoleTypes.Bot),
        Text = text,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere only leaves a temp folder behind; it must not fail the test.
        }
    }

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddData(configuration, _configureDbContext);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _providers.Add(provider);
        return provider;
    }
}

using CustomerService.Core.Ports;
using CustomerService.Core.Privacy;
using CustomerService.Data.Agents;
using CustomerService.Data.Escalations;
using CustomerService.Data.Outbox;
using CustomerService.Data.Privacy;
using CustomerService.Data.Seeding;
using CustomerService.Data.Slack;
using CustomerService.Data.Sqlite;
using CustomerService.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerService.Data;

/// <summary>The data layer's single DI entry point.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite context, the Core port implementations (scoped per turn), the worker and agent
    /// stores (singletons) and the start-up migration. Reads <c>ConnectionStrings:CustomerService</c>,
    /// <c>Database</c> and <c>Outbox</c>; both are validated when the host starts.
    /// </summary>
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration) =>
        AddData(services, configuration, configureDbContext: null);

    /// <summary>As <see cref="AddData(IServiceCollection, IConfiguration)"/>; tests add interceptors here.</summary>
    internal static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, Action<DbContextOptionsBuilder>? configureDbContext)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Read lazily from the same configuration object, so values a test host adds late are seen.
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Configure(options => options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Customer text is masked before it is stored (the transcript store needs the redactor).
        services.AddPiiRedaction(configuration);
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqlitePragmaInterceptor>();
        services.AddDbContextFactory<CustomerServiceDbContext>((provider, options) =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            options.UseSqlite(database.ConnectionString)
                .AddInterceptors(provider.GetRequiredService<SqlitePragmaInterceptor>());
            configureDbContext?.Invoke(options);
        });

        services.TryAddSingleton<ConversationLocks>();
        services.TryAddSingleton<ConversationProvisioner>();

        // Per turn: the ports share the scope's DbContext and commit together through ITurnTransaction.
        services.TryAddScoped<TurnStaging>();
        services.TryAddScoped<IConversationStore, ConversationStore>();
        services.TryAddScoped<ICustomerStore, CustomerStore>();
        services.TryAddScoped<ITranscriptStore, TranscriptStore>();
        services.TryAddScoped<IUnansweredMessages, UnansweredMessageStore>();
        services.TryAddScoped<IEscalationOutbox, EscalationOutboxStore>();
        services.TryAddScoped<ITurnTransaction, TurnTransaction>();

        // For workers and the agent console: singletons on short-lived contexts of their own.
        services.TryAddSingleton<IOutboxReader, OutboxStore>();
        services.TryAddSingleton<IEscalationStore, EscalationStore>();
        services.TryAddSingleton<IAgentConsoleStore, AgentConsoleStore>();
        services.TryAddSingleton<IProcessedEventStore, ProcessedEventStore>();
        services.TryAddSingleton<IPrivacyStore, PrivacyStore>();

        services.TryAddSingleton(provider => new DatabaseHealthCheck(provider.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>()));
        services.TryAddSingleton<DemoDataSeeder>();
        services.TryAddSingleton<DatabaseInitializer>();
        services.AddHostedService<DatabaseMigrationService>();
        return services;
    }
}

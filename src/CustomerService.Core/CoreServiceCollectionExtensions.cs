using System.Diagnostics.Metrics;
using CustomerService.Core.Dialogs;
using CustomerService.Core.Dialogs.Actions;
using CustomerService.Core.Escalation;
using CustomerService.Core.Handoff;
using CustomerService.Core.Middleware;
using CustomerService.Core.Ports;
using CustomerService.Core.Privacy;
using CustomerService.Core.Routing;
using CustomerService.Core.Telemetry;
using CustomerService.Core.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerService.Core;

/// <summary>The Core project's one DI entry point.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds the turn pipeline, dialogs, router, escalation policy, handoff service, redactor, the turn queue and
    /// its worker, and binds sections Turns, Routing, Escalation, Dialogs, Privacy and Placeholders (validated at start).
    /// The host must also register the ports: IIntentClassifier, IResponseGenerator, IConversationStore,
    /// ICustomerStore, ITranscriptStore, IEscalationOutbox, ITurnTransaction (scoped per turn), and any number of
    /// IAgentRelay (each is told about customer messages while a human owns the conversation).
    /// </summary>
    public static IServiceCollection AddCustomerServiceCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<TurnOptions>().Bind(configuration.GetSection(TurnOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DialogsOptions>().Bind(configuration.GetSection(DialogsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var placeholders = configuration.GetSection(PlaceholderOptions.SectionName);
        services.AddOptions<PlaceholderOptions>().Configure(o => placeholders.Bind(o.Values));

        services.TryAddSingleton(TimeProvider.System);
        services.AddPiiRedaction(configuration);
        services.TryAddSingleton(sp => new CustomerServiceMetrics(sp.GetService<IMeterFactory>()));

        // Dialogs: loaded once; the startup check makes a bad file fail start-up, not the first turn.
        services.AddSingleton(LoadDialogs);
        services.AddHostedService<DialogCatalogStartupCheck>();
        services.AddSingleton<TemplateValuesFactory>();
        services.AddSingleton<HandoffTexts>();
        services.AddScoped<DialogRunner>();
        AddDialogAction<LookupOrderAction>(services, LookupOrderAction.ActionName, [], [ActionOutcomes.Found, ActionOutcomes.NotFound, ActionOutcomes.Missing]);
        AddDialogAction<ListOrdersAction>(services, ListOrdersAction.ActionName, [], [ActionOutcomes.Found, ActionOutcomes.None]);
        AddDialogAction<CancelOrderAction>(services, CancelOrderAction.ActionName, [],
            [ActionOutcomes.Requested, ActionOutcomes.AlreadyCancelled, ActionOutcomes.NotCancellable, ActionOutcomes.NotFound, ActionOutcomes.Missing]);
        AddDialogAction<RecordPreferenceAction>(services, RecordPreferenceAction.ActionName,
            [RecordPreferenceAction.FactArg, RecordPreferenceAction.ValueArg], [ActionOutcomes.Recorded, ActionOutcomes.Missing]);

        services.AddSingleton<EscalationPolicy>();
        services.AddScoped<EscalationService>();

        // The middleware; their order is fixed in TurnPipeline.Create.
        services.AddScoped<ErrorBoundaryMiddleware>();
        services.AddScoped<TranscriptMiddleware>();
        services.AddScoped<ConversationStateMiddleware>();
        services.AddScoped<HandoffGateMiddleware>();
        services.AddScoped<TypingMiddleware>();
        services.AddScoped<RouterMiddleware>();

        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<ITurnProcessor, TurnProcessor>();
        services.AddSingleton<TurnDispatcher>();
        services.AddSingleton<ITurnDispatcher>(sp => sp.GetRequiredService<TurnDispatcher>());
        services.AddHostedService<TurnWorker>();
        services.AddSingleton<IHandoffService, HandoffService>();
        return services;
    }

    private static void AddDialogAction<TAction>(IServiceCollection services, string name, IReadOnlyList<string> requiredArgs, IReadOnlyList<string> outcomes)
        where TAction : class, IDialogAction
    {
        services.AddScoped<IDialogAction, TAction>();
        services.AddSingleton(new DialogActionRegistration(name, typeof(TAction), requiredArgs, outcomes));
    }

    private static DialogCatalog LoadDialogs(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DialogsOptions>>().Value;
        var contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
        var directory = DialogLoader.ResolveDirectory(options.Path, contentRoot);
        return DialogLoader.Load(directory, options.MaxFileBytes, [.. services.GetServices<DialogActionRegistration>()]);
    }
}

using CustomerService.Bot.Channels.DirectLine;
using CustomerService.Core.Ports;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Logging.Console;
using Spectre.Console;

namespace CustomerService.Bot.Terminal;

/// <summary>Switches the host into console chat when it is started with the <c>chat</c> argument.</summary>
internal static class ConsoleChatServiceCollectionExtensions
{
    public const string Command = "chat";

    public static IServiceCollection AddConsoleChat(this IServiceCollection services, string[] args)
    {
        if (args.Length == 0 || !string.Equals(args[0], Command, StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }

        services.AddSingleton<IServer, ConsoleServer>();
        services.AddSingleton(AnsiConsole.Console);
        services.AddSingleton<ConsoleReplySink>();
        services.AddKeyedSingleton<IReplySink>(ConsoleChatWorker.ChannelId, (provider, _) => provider.GetRequiredService<ConsoleReplySink>());
        services.AddSingleton<ConsoleTurnObserver>();
        services.AddHostedService<ConsoleChatWorker>();

        // The terminal is the only channel: no browser will ask for a Direct Line token.
        services.PostConfigure<DirectLineOptions>(options => options.Enabled = false);

        // Logs would interleave with the conversation; only problems are printed.
        services.Configure<LoggerFilterOptions>(options => options.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning));

        // Wrap the real classifier to show its answer; it stays the same singleton the pipeline uses.
        var registration = services.LastOrDefault(d => d.ServiceType == typeof(IIntentClassifier))
            ?? throw new InvalidOperationException("Console chat needs an intent classifier: call AddNlu before AddConsoleChat.");
        services.Remove(registration);
        services.AddSingleton<IIntentClassifier>(provider => new ObservedIntentClassifier(
            (IIntentClassifier)(registration.ImplementationInstance
                ?? registration.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, registration.ImplementationType!)),
            provider.GetRequiredService<ConsoleTurnObserver>()));
        return services;
    }
}

using CustomerService.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Testing;

/// <summary>Registers an <see cref="InMemoryBotStore"/> for every store port (scoped per turn, like the SQLite stores).</summary>
public static class InMemoryBotServiceCollectionExtensions
{
    public static IServiceCollection AddInMemoryBotStore(this IServiceCollection services, InMemoryBotStore store)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(store);
        services.AddScoped<InMemoryTurnStore>();
        services.AddScoped<IConversationStore>(sp => sp.GetRequiredService<InMemoryTurnStore>());
        services.AddScoped<ICustomerStore>(sp => sp.GetRequiredService<InMemoryTurnStore>());
        services.AddScoped<ITranscriptStore>(sp => sp.GetRequiredService<InMemoryTurnStore>());
        services.AddScoped<IEscalationOutbox>(sp => sp.GetRequiredService<InMemoryTurnStore>());
        services.AddScoped<ITurnTransaction>(sp => sp.GetRequiredService<InMemoryTurnStore>());
        return services;
    }
}

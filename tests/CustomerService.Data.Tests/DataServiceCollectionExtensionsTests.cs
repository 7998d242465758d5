using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerService.Data.Tests;

public sealed class DataServiceCollectionExtensionsTests
{
    [Fact]
    public void AddData_MissingConnectionString_FailsValidationNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddData(configuration);
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains("ConnectionStrings:CustomerService", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddData_BusyTimeoutOutOfRange_FailsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = "Data Source=unused.db",
            ["Database:BusyTimeout"] = "01:00:00",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddData(configuration);
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains("BusyTimeout", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddData_ValidConfiguration_ResolvesEveryPublicService()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CustomerService"] = "Data Source=unused.db",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddData(configuration);

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Core.Ports.IConversationStore>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Core.Ports.ICustomerStore>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Core.Ports.ITranscriptStore>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Core.Ports.IEscalationOutbox>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Core.Ports.ITurnTransaction>());
        Assert.NotNull(provider.GetRequiredService<CustomerService.Data.Outbox.IOutboxReader>());
        Assert.NotNull(provider.GetRequiredService<CustomerService.Data.Escalations.IEscalationStore>());
        Assert.NotNull(provider.GetRequiredService<CustomerService.Data.Agents.IAgentConsoleStore>());
        Assert.NotNull(provider.GetRequiredService<CustomerService.Data.Slack.IProcessedEventStore>());
        Assert.NotNull(provider.GetRequiredService<CustomerService.Data.Privacy.IPrivacyStore>());
        Assert.NotNull(provider.GetRequiredService<DatabaseHealthCheck>());
    }
}

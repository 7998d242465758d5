using CustomerService.Core.Ports;
using CustomerService.Nlu.Generation;
using CustomerService.Nlu.Onnx;
using CustomerService.Nlu.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerService.Nlu.Tests;

public sealed class NluServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddNlu_TinyModels_WarmsUpAndServesBothPorts()
    {
        await using var provider = BuildProvider(new Dictionary<string, string?>
        {
            ["Nlu:Device"] = "Cpu",
            ["Nlu:IntraOpThreads"] = "1",
            ["Nlu:Classifier:ModelPath"] = "Fixtures/tiny-intent",
            ["Nlu:Generator:ModelPath"] = "Fixtures/tiny-responder",
            ["Nlu:Generator:Temperature"] = "0",
            ["Nlu:Generator:MaxNewTokens"] = "12",
        });
        var readiness = provider.GetRequiredService<NluReadiness>();
        Assert.False(readiness.IsReady);

        await StartHostedServicesAsync(provider);
        var intent = (await provider.GetRequiredService<IIntentClassifier>().ClassifyAsync(["where is my order A1234?"]))[0];
        var pieces = new List<string>();
        await foreach (var piece in provider.GetRequiredService<IResponseGenerator>().GenerateAsync(new GenerationRequest("where is my order?", "track_order", CustomerContext.Anonymous)))
        {
            pieces.Add(piece);
        }

        Assert.True(readiness.IsReady, readiness.FailureReason);
        Assert.Equal(NluDevice.Cpu, readiness.Device);
        Assert.Equal("track_order", intent.Intent);
        Assert.NotEmpty(string.Concat(pieces));
    }

    [Fact]
    public async Task AddNlu_MissingModels_ReadinessFalseWithReason()
    {
        await using var provider = BuildProvider(new Dictionary<string, string?>
        {
            ["Nlu:Device"] = "Cpu",
            ["Nlu:Classifier:ModelPath"] = "no-such/intent",
        });

        await StartHostedServicesAsync(provider);

        var readiness = provider.GetRequiredService<NluReadiness>();
        Assert.False(readiness.IsReady);
        Assert.Contains("no-such", readiness.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddNlu_InvalidOptions_FailValidationOnStart()
    {
        await using var provider = BuildProvider(new Dictionary<string, string?>
        {
            ["Nlu:Classifier:MaxBatchSize"] = "0",
            ["Nlu:Generator:TopP"] = "1.5",
        });

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failures = error is AggregateException aggregate ? aggregate.InnerExceptions : [error];
        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        Assert.Contains(failures, f => f.Message.Contains("MaxBatchSize", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Message.Contains("TopP", StringComparison.Ordinal));
    }

    [Fact]
    public void GeneratorOptions_NoStopStringsConfigured_DefaultsApply()
    {
        using var provider = BuildProvider([]);

        var options = provider.GetRequiredService<IOptions<GeneratorOptions>>().Value;

        Assert.Equal(GeneratorOptions.DefaultStopStrings, options.EffectiveStopStrings);
        Assert.Contains("\n[customer]", options.EffectiveStopStrings);
    }

    private static ServiceProvider BuildProvider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(TestModels.Root));
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddNlu(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static async Task StartHostedServicesAsync(IServiceProvider provider)
    {
        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            if (service is BackgroundService background && background.ExecuteTask is { } running)
            {
                await running.WaitAsync(TimeSpan.FromSeconds(60));
            }
        }
    }

    private sealed class TestHostEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "CustomerService.Nlu.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

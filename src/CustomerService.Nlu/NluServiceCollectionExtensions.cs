using CustomerService.Core.Ports;
using CustomerService.Nlu.Batching;
using CustomerService.Nlu.Classification;
using CustomerService.Nlu.Generation;
using CustomerService.Nlu.Onnx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Nlu;

/// <summary>DI entry point of the NLU library.</summary>
public static class NluServiceCollectionExtensions
{
    /// <summary>
    /// Registers the intent classifier and response generator (ports from Core), their options
    /// (sections <c>Nlu</c>, <c>Nlu:Classifier</c>, <c>Nlu:Generator</c>, validated on start),
    /// <see cref="NluReadiness"/> and the warm-up hosted service. Model paths are relative to the
    /// host's content root.
    /// </summary>
    public static IServiceCollection AddNlu(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<NluOptions>().Bind(configuration.GetSection(NluOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClassifierOptions>().Bind(configuration.GetSection(ClassifierOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GeneratorOptions>().Bind(configuration.GetSection(GeneratorOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp =>
        {
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new OnnxModelHost(
                sp.GetRequiredService<IOptions<NluOptions>>().Value,
                Path.Combine(root, sp.GetRequiredService<IOptions<ClassifierOptions>>().Value.ModelPath),
                Path.Combine(root, sp.GetRequiredService<IOptions<GeneratorOptions>>().Value.ModelPath),
                sp.GetRequiredService<ILogger<OnnxModelHost>>());
        });
        services.AddSingleton(sp =>
        {
            var host = sp.GetRequiredService<OnnxModelHost>();
            var options = sp.GetRequiredService<IOptions<ClassifierOptions>>().Value;
            return new ClassificationBatcher(
                () => new IntentModel(host.Classifier, host.Tokenizer, options.MaxTokens),
                options,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ClassificationBatcher>>());
        });
        services.AddSingleton(sp =>
        {
            var host = sp.GetRequiredService<OnnxModelHost>();
            var options = sp.GetRequiredService<IOptions<GeneratorOptions>>().Value;
            return new GenerationScheduler(
                () => new ResponderModel(host.Responder, host.Tokenizer),
                options.MaxConcurrentGenerations,
                options.QueueCapacity,
                options.QueueTimeout,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<GenerationScheduler>>());
        });
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GeneratorOptions>>().Value);
        services.AddSingleton<NluReadiness>();
        services.AddSingleton<IIntentClassifier, IntentClassifier>();
        services.AddSingleton<IResponseGenerator, ResponseGenerator>();
        services.AddHostedService<ModelWarmupService>();
        return services;
    }
}

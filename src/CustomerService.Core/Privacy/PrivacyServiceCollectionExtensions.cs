using CustomerService.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerService.Core.Privacy;

/// <summary>
/// Registers the PII redactor and binds the <c>Privacy</c> section. Core (prompts, logs, cards) and Data (stored
/// transcripts) both call it; binding twice is harmless and a redactor registered earlier is kept.
/// </summary>
public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPiiRedaction(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ITextRedactor, PiiRedactor>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerService.Core.Dialogs;

/// <summary>
/// Loads and validates the dialogs when the host starts, so a bad file stops start-up with
/// <see cref="DialogValidationException"/> instead of failing the first customer's turn.
/// </summary>
internal sealed partial class DialogCatalogStartupCheck(IServiceProvider services, ILogger<DialogCatalogStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<DialogCatalog>();
        Log.Loaded(logger, catalog.Dialogs.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1210, LogLevel.Information, "Loaded and validated {Count} dialogs")]
        public static partial void Loaded(ILogger logger, int count);
    }
}

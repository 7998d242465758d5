using Microsoft.Extensions.Hosting;

namespace CustomerService.Data.Seeding;

/// <summary>
/// Migrates and seeds before the host serves anything: hosted services start in registration order and
/// StartAsync is awaited, so call AddData before registering workers that read the database.
/// </summary>
internal sealed class DatabaseMigrationService(DatabaseInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

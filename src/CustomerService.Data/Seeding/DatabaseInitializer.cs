using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Data.Seeding;

/// <summary>Applies pending migrations and seeds the demo data, as configured; safe to run on every start.</summary>
internal sealed class DatabaseInitializer(
    IDbContextFactory<CustomerServiceDbContext> contextFactory,
    DemoDataSeeder seeder,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (settings.MigrateOnStart)
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToArray();
                if (pending.Length > 0)
                {
                    await db.Database.MigrateAsync(cancellationToken);
                    Log.MigrationsApplied(logger, pending.Length, pending);
                }
                else
                {
                    Log.DatabaseUpToDate(logger);
                }
            }

            // WAL lets readers (Direct Line polls, the agent page) run beside the writer; it persists in the file.
            var journalMode = (await db.Database.SqlQuery<string>($"PRAGMA journal_mode=WAL").ToListAsync(cancellationToken)).Single();
            var synchronous = await db.Database.SqlQuery<long>($"SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync(cancellationToken);
            Log.SqliteOpened(logger, journalMode, synchronous switch { 0 => "OFF", 1 => "NORMAL", 2 => "FULL", _ => "EXTRA" });
        }

        if (settings.SeedDemoData)
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }
}

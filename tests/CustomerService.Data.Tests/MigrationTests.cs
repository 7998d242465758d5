using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerService.Data.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigration()
    {
        await using var host = await DataTestHost.StartAsync();

        await using var db = host.OpenDb();
        var applied = await db.Database.GetAppliedMigrationsAsync();
        var pending = await db.Database.GetPendingMigrationsAsync();

        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(pending);
        Assert.NotEmpty(applied);
    }

    [Fact]
    public async Task Model_AfterMigrations_HasNoPendingChanges()
    {
        await using var host = await DataTestHost.StartAsync();
        await using var db = host.OpenDb();

        var pendingChanges = db.Database.HasPendingModelChanges();

        Assert.False(pendingChanges, "The model differs from the last migration: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_CreatesEveryTable()
    {
        await using var host = await DataTestHost.StartAsync();
        await using var db = host.OpenDb();

        var tables = await db.Database
            .SqlQuery<string>($"SELECT name AS Value FROM sqlite_master WHERE type = 'table'")
            .ToListAsync();

        foreach (var entityType in db.Model.GetEntityTypes())
        {
            Assert.Contains(entityType.GetTableName()!, tables);
        }
    }

    [Fact]
    public async Task Initialize_SecondRun_ChangesNothing()
    {
        await using var host = await DataTestHost.StartAsync(seed: true);
        await using var db = host.OpenDb();
        var before = await db.Customers.CountAsync();

        await host.Services.InitializeDataAsync();
        var after = await db.Customers.CountAsync();
        var history = await db.Database.GetAppliedMigrationsAsync();

        Assert.Equal(before, after);
        Assert.Equal(db.Database.GetMigrations(), history);
    }

    [Fact]
    public async Task Open_AnyConnection_UsesWalFullSyncAndForeignKeys()
    {
        await using var host = await DataTestHost.StartAsync();
        await using var db = host.OpenDb();
        await db.Database.OpenConnectionAsync();

        var journal = await db.Database.SqlQuery<string>($"SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
        var synchronous = await db.Database.SqlQuery<long>($"SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync();
        var foreignKeys = await db.Database.SqlQuery<long>($"SELECT foreign_keys AS Value FROM pragma_foreign_keys").SingleAsync();
        var busyTimeout = await db.Database.SqlQuery<long>($"SELECT timeout AS Value FROM pragma_busy_timeout").SingleAsync();

        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous);
        Assert.Equal(1, foreignKeys);
        Assert.Equal(10_000, busyTimeout);
    }

    [Fact]
    public async Task Open_SynchronousNormalConfigured_UsesNormal()
    {
        await using var host = await DataTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Database:Synchronous"] = "Normal" });
        await using var db = host.OpenDb();
        await db.Database.OpenConnectionAsync();

        var synchronous = await db.Database.SqlQuery<long>($"SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync();

        Assert.Equal(1, synchronous);
    }

    [Fact]
    public async Task Migrations_DateTimeOffsetColumns_AreStoredAsInteger()
    {
        await using var host = await DataTestHost.StartAsync();
        await using var db = host.OpenDb();

        var columns = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties())
            .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?))
            .Select(p => p.GetColumnType())
            .ToList();

        Assert.NotEmpty(columns);
        Assert.All(columns, type => Assert.Equal("INTEGER", type));
    }
}

using System.ComponentModel.DataAnnotations;
using CustomerService.Data.Sqlite;

namespace CustomerService.Data;

/// <summary>SQLite settings. The connection string itself comes from <c>ConnectionStrings:CustomerService</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "CustomerService";

    /// <summary>Filled from <c>ConnectionStrings:CustomerService</c>, e.g. <c>Data Source=customerservice.db</c>.</summary>
    [Required(ErrorMessage = "ConnectionStrings:CustomerService is not set (e.g. \"Data Source=customerservice.db\").")]
    public string? ConnectionString { get; set; }

    /// <summary>Full (default) makes every commit durable before it returns; Normal is faster but may lose the last commits on power loss.</summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>How long a writer waits for another writer's lock before failing.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Apply pending migrations when the host starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Seed the demo customers and orders on an empty database.</summary>
    public bool SeedDemoData { get; set; } = true;
}

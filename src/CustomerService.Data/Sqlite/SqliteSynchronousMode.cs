namespace CustomerService.Data.Sqlite;

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels that are safe with WAL.</summary>
public enum SqliteSynchronousMode
{
    /// <summary>Syncs the WAL at checkpoints only: a power loss may lose the last commits (never corrupts).</summary>
    Normal = 1,

    /// <summary>Syncs the WAL on every commit: an acknowledged message survives a crash or power loss.</summary>
    Full = 2,
}

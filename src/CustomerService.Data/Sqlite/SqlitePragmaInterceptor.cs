using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CustomerService.Data.Sqlite;

/// <summary>
/// Sets the per-connection pragmas on every opened connection: the synchronous level, foreign keys and a
/// busy timeout, so concurrent writers wait instead of failing. WAL is set once by the initializer: it is
/// stored in the file, and switching it needs a moment of exclusive access.
/// </summary>
internal sealed class SqlitePragmaInterceptor(IOptions<DatabaseOptions> options) : DbConnectionInterceptor
{
    private readonly string _pragmas = BuildPragmas(options.Value);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string BuildPragmas(DatabaseOptions options)
    {
        var synchronous = options.Synchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL";
        var busyMilliseconds = (long)options.BusyTimeout.TotalMilliseconds;

        // Pooled connections are reused, so this runs once per physical open, not per query.
        return string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout={busyMilliseconds}; PRAGMA foreign_keys=ON; PRAGMA synchronous={synchronous};");
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Data.Tests;

/// <summary>Makes the next command that touches a table fail, to prove a transaction rolls back as a whole.</summary>
public sealed class FailingCommandInterceptor : DbCommandInterceptor
{
    public string? FailOnInsertInto { get; set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ThrowIfTargeted(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ThrowIfTargeted(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void ThrowIfTargeted(DbCommand command)
    {
        if (FailOnInsertInto is { } table && command.CommandText.Contains($"INSERT INTO \"{table}\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Injected failure on insert into {table}.");
        }
    }
}

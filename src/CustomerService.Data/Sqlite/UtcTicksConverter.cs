using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerService.Data.Sqlite;

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC ticks; values come back with offset zero.</summary>
internal sealed class UtcTicksConverter()
    : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

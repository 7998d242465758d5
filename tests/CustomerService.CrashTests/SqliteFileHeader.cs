namespace CustomerService.CrashTests;

/// <summary>Reads the journal mode a SQLite file was left in, from its header (no SQLite library needed).</summary>
internal static class SqliteFileHeader
{
    /// <summary>True when the file format versions (header bytes 18 and 19) are 2: the database is in WAL mode.</summary>
    public static bool IsWal(string path)
    {
        Span<byte> header = stackalloc byte[100];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.ReadExactly(header);
        return header[18] == 2 && header[19] == 2;
    }
}

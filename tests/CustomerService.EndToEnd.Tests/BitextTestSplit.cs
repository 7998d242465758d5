namespace CustomerService.EndToEnd.Tests;

/// <summary>
/// Reads real customer utterances from the Bitext test split at run time (never committed). The data folder
/// is <c>CUSTOMERSERVICE_DATA</c>, by default <c>../shared/data</c> next to the repository.
/// </summary>
public static class BitextTestSplit
{
    public const string DataVariable = "CUSTOMERSERVICE_DATA";

    public static string FilePath
    {
        get
        {
            var root = Environment.GetEnvironmentVariable(DataVariable);
            if (string.IsNullOrWhiteSpace(root))
            {
                root = Path.Combine(RepositoryRoot.Path, "..", "shared", "data");
            }

            return Path.GetFullPath(Path.Combine(root, "bitext-customer-support", "intent-detection", "test.csv"));
        }
    }

    /// <summary>Every row, in file order; a missing file fails with the variable to set.</summary>
    public static IReadOnlyList<BitextUtterance> Load()
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Bitext test split is not at {path}; set {DataVariable} to the folder that holds bitext-customer-support/.", path);
        }

        using var reader = new StreamReader(path);
        using var records = Rfc4180Reader.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new InvalidDataException($"{path} is empty.");
        }

        var header = records.Current;
        var text = IndexOf(header, "utterance", path);
        var intent = IndexOf(header, "intent", path);
        var rows = new List<BitextUtterance>();
        while (records.MoveNext())
        {
            var row = records.Current;
            if (row.Count != header.Count)
            {
                throw new InvalidDataException($"{path}: a record has {row.Count} fields, the header {header.Count}.");
            }

            rows.Add(new BitextUtterance(row[text], row[intent]));
        }

        return rows;
    }

    /// <summary>A spread sample: every n-th row, so several intents are covered, in a stable order.</summary>
    public static IReadOnlyList<BitextUtterance> Sample(int count)
    {
        var all = Load();
        var step = Math.Max(1, all.Count / count);
        return all.Where((_, index) => index % step == 0).Take(count).ToList();
    }

    private static int IndexOf(IReadOnlyList<string> header, string column, string path)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == column)
            {
                return i;
            }
        }

        throw new InvalidDataException($"{path} has no '{column}' column.");
    }
}

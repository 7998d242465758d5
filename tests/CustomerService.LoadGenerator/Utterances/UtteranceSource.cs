using System.Globalization;
using System.Text;

namespace CustomerService.LoadGenerator.Utterances;

/// <summary>
/// Customer utterances from a held-out CSV split, read at run time so no row is ever committed.
/// The texts stay in memory only; reports count them and never print them.
/// </summary>
internal sealed class UtteranceSource
{
    private const long MaxFileBytes = 64L * 1024 * 1024;
    private const int MaxRecords = 1_000_000;

    private readonly string[] _utterances;

    private UtteranceSource(string[] utterances) => _utterances = utterances;

    public int Count => _utterances.Length;

    public static async Task<UtteranceSource> LoadAsync(string path, string column, IntentFilter filter, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new CsvFormatException($"Utterance file '{file.FullName}' does not exist (set --utterances).");
        }

        if (file.Length > MaxFileBytes)
        {
            throw new CsvFormatException($"Utterance file '{file.FullName}' is larger than 64 MiB.");
        }

        string text;
        try
        {
            var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            text = await File.ReadAllTextAsync(file.FullName, strictUtf8, cancellationToken);
        }
        catch (DecoderFallbackException exception)
        {
            throw new CsvFormatException($"Utterance file '{file.FullName}' is not valid UTF-8.", exception);
        }

        return Parse(text, column, filter);
    }

    public static UtteranceSource Parse(string text, string column, IntentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        int? columnIndex = null;
        var intentIndex = -1;
        var width = 0;
        var utterances = new List<string>();
        foreach (var (line, fields) in Rfc4180Reader.Read(text))
        {
            if (columnIndex is null)
            {
                width = fields.Count;
                var index = fields.ToList().FindIndex(name => string.Equals(name.Trim(), column, StringComparison.OrdinalIgnoreCase));
                columnIndex = index >= 0
                    ? index
                    : throw new CsvFormatException($"The header row has no column named '{column}' (set --utterance-column).");
                if (filter.IsActive)
                {
                    intentIndex = fields.ToList().FindIndex(name => string.Equals(name.Trim(), filter.Column, StringComparison.OrdinalIgnoreCase));
                    if (intentIndex < 0)
                    {
                        throw new CsvFormatException($"The header row has no column named '{filter.Column}' to filter intents by (set --intent-column).");
                    }
                }

                continue;
            }

            // A blank line between records carries no utterance.
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != width)
            {
                throw new CsvFormatException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"CSV line {line}: {fields.Count} fields where the header has {width}."));
            }

            var utterance = fields[columnIndex.Value].Trim();
            if (utterance.Length > 0 && (intentIndex < 0 || filter.Accepts(fields[intentIndex].Trim())))
            {
                utterances.Add(utterance);
            }

            if (utterances.Count > MaxRecords)
            {
                throw new CsvFormatException("The utterance file has more than 1,000,000 records.");
            }
        }

        return utterances.Count == 0
            ? throw new CsvFormatException($"The '{column}' column holds no utterances{(filter.IsActive ? " that pass the intent filter" : string.Empty)}.")
            : new UtteranceSource([.. utterances]);
    }

    public string Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return _utterances[random.Next(_utterances.Length)];
    }
}

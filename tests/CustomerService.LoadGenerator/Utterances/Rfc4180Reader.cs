using System.Globalization;
using System.Text;

namespace CustomerService.LoadGenerator.Utterances;

/// <summary>
/// A strict RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; a quote inside an
/// unquoted field or text after a closing quote is an error, never a guess. Accepts CRLF or LF line ends.
/// </summary>
internal static class Rfc4180Reader
{
    private const int MaxFieldChars = 64 * 1024;

    /// <summary>Splits <paramref name="text"/> into records. Each record carries the line it started on, for errors.</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;

        // A UTF-8 BOM is not part of the first header name.
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i = ReadQuoted(text, i + 1, field, ref line);
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    throw Error(line, "text after a closing quote");
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"')
                    {
                        throw Error(line, "a quote inside an unquoted field");
                    }

                    Append(field, text[i], line);
                    i++;
                }
            }

            fields.Add(field.ToString());
            field.Clear();

            if (i >= text.Length)
            {
                break;
            }

            if (text[i] == ',')
            {
                i++;

                // A trailing comma at the end of the input still opens one last, empty field.
                if (i == text.Length)
                {
                    fields.Add(string.Empty);
                }

                continue;
            }

            // End of record: CRLF, LF or a lone CR.
            i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            yield return (recordLine, fields.ToArray());
            fields.Clear();
            line++;
            recordLine = line;
        }

        if (fields.Count > 0)
        {
            yield return (recordLine, fields.ToArray());
        }
    }

    private static int ReadQuoted(string text, int i, StringBuilder field, ref int line)
    {
        var startLine = line;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    Append(field, '"', line);
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            if (c == '\n')
            {
                line++;
            }

            Append(field, c, line);
            i++;
        }

        throw Error(startLine, "a quoted field that never closes");
    }

    private static void Append(StringBuilder field, char c, int line)
    {
        if (field.Length >= MaxFieldChars)
        {
            throw Error(line, $"a field longer than {MaxFieldChars.ToString(CultureInfo.InvariantCulture)} characters");
        }

        field.Append(c);
    }

    private static CsvFormatException Error(int line, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"CSV line {line}: {what} (RFC 4180)."));
}

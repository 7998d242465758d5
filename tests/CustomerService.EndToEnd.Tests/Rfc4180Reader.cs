using System.Text;

namespace CustomerService.EndToEnd.Tests;

/// <summary>
/// A strict RFC 4180 reader: comma-separated fields, quoted fields may hold commas, CR/LF and doubled quotes;
/// records end with CRLF or LF. A malformed file fails loudly rather than yielding shifted columns.
/// </summary>
public static class Rfc4180Reader
{
    public static IEnumerable<IReadOnlyList<string>> Read(TextReader reader)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldStarted = false;
        int current;
        while ((current = reader.Read()) != -1)
        {
            var c = (char)current;
            if (inQuotes)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else
                {
                    inQuotes = false;
                    var next = reader.Peek();
                    if (next != ',' && next != '\r' && next != '\n' && next != -1)
                    {
                        throw new FormatException("A quoted field must be followed by a comma or the end of the record.");
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"' when !fieldStarted:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case '"':
                    throw new FormatException("A quote may only appear inside a quoted field.");
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\r' or '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    yield return record;
                    record = [];
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new FormatException("The file ends inside a quoted field.");
        }

        if (fieldStarted || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}

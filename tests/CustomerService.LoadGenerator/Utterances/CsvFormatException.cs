namespace CustomerService.LoadGenerator.Utterances;

/// <summary>The utterance file is not RFC 4180 CSV, or lacks the wanted column; the message names the line.</summary>
internal sealed class CsvFormatException : Exception
{
    public CsvFormatException()
    {
    }

    public CsvFormatException(string message)
        : base(message)
    {
    }

    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace CustomerService.LoadGenerator.DirectLine;

/// <summary>The server answered, but not as Direct Line 3.0 says (missing id, bad JSON, a foreign streamUrl).</summary>
internal sealed class DirectLineProtocolException : Exception
{
    public DirectLineProtocolException()
    {
    }

    public DirectLineProtocolException(string message)
        : base(message)
    {
    }

    public DirectLineProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace CustomerService.LoadGenerator.Hosting;

/// <summary>The child host did not become ready: it exited, or <c>/readyz</c> stayed unready past the timeout.</summary>
internal sealed class HostStartException : Exception
{
    public HostStartException()
    {
    }

    public HostStartException(string message)
        : base(message)
    {
    }

    public HostStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

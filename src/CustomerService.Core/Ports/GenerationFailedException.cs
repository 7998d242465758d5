namespace CustomerService.Core.Ports;

/// <summary>
/// The responder could not produce a usable answer (model error, non-finite logits, time budget with no text).
/// The router treats it as a generator failure, which counts toward escalation.
/// </summary>
public class GenerationFailedException : Exception
{
    public GenerationFailedException()
    {
    }

    public GenerationFailedException(string message)
        : base(message)
    {
    }

    public GenerationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

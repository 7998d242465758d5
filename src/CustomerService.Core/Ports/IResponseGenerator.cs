namespace CustomerService.Core.Ports;

/// <summary>Generates a free-text answer with the GPT-2 responder. Implemented by the NLU library.</summary>
public interface IResponseGenerator
{
    /// <summary>
    /// Streams the answer as text pieces (each piece is whole UTF-8 text, never half an emoji).
    /// Stops on end-of-text, stop strings, the token cap, the time budget or cancellation.
    /// The text may contain <c>{{Placeholder}}</c> slots that the caller fills.
    /// </summary>
    IAsyncEnumerable<string> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default);
}

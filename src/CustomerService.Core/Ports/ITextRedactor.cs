namespace CustomerService.Core.Ports;

/// <summary>
/// Masks personal data (card numbers, e-mail addresses, phone numbers, IBANs) in customer text before it is
/// stored or leaves the conversation: transcripts, escalation cards, logs, generator prompts. Order numbers and
/// dates are kept.
/// </summary>
public interface ITextRedactor
{
    /// <summary>Returns <paramref name="text"/> with each personal datum replaced by a marker such as <c>[card]</c>.</summary>
    string Redact(string text);
}

namespace CustomerService.Core.Tests.Privacy;

/// <summary>A labelled part of a corpus line: personal data of <see cref="Kind"/>, or a look-alike to keep (<see cref="Negative"/>).</summary>
public sealed record PiiSpan(string Kind, string Value)
{
    public const string Negative = "neg";

    public bool IsPersonalData => Kind != Negative;
}

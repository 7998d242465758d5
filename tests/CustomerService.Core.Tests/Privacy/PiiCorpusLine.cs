namespace CustomerService.Core.Tests.Privacy;

/// <summary>One corpus line: the text as a customer typed it, what a perfect redactor returns, and the labelled spans.</summary>
public sealed record PiiCorpusLine(int LineNumber, string Category, string Text, string Expected, IReadOnlyList<PiiSpan> Spans, IReadOnlyList<string> Context);

namespace CustomerService.Core.Dialogs.Steps;

/// <summary>A quick-reply button; pressing it posts <see cref="Value"/> as the customer's message.</summary>
internal sealed record Suggestion(string Title, string Value);

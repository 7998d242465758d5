namespace CustomerService.EndToEnd.Tests;

/// <summary>One row of the Bitext intent-detection split: what a customer wrote and its labelled intent.</summary>
public sealed record BitextUtterance(string Text, string Intent);

namespace CustomerService.Data.Agents;

/// <summary>How many customer messages were classified as an intent.</summary>
public sealed record IntentCount(string Intent, int Count);

namespace CustomerService.Core.Ports;

/// <summary>One intent with its probability (0–1).</summary>
public sealed record IntentScore(string Intent, float Confidence);

namespace CustomerService.Core.Ports;

/// <summary>What the responder is asked to answer.</summary>
/// <param name="CustomerText">The customer's latest message, as typed (the prompt builder neutralises it).</param>
/// <param name="Intent">Intent id the router chose.</param>
/// <param name="Customer">Small, explicit customer context; never another customer's data.</param>
/// <param name="Settings">Per-call overrides; null fields fall back to the configured defaults.</param>
public sealed record GenerationRequest(
    string CustomerText,
    string Intent,
    CustomerContext Customer,
    GenerationSettings? Settings = null);

namespace CustomerService.Data.Escalations;

/// <summary>The outcome of a claim and who owns the escalation afterwards.</summary>
public sealed record ClaimResult(ClaimOutcome Outcome, string? ClaimedBy);

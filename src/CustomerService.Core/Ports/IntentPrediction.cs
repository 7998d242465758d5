namespace CustomerService.Core.Ports;

/// <summary>The classifier's answer for one text.</summary>
/// <param name="Intent">Intent id (lowercase snake_case, e.g. <c>track_order</c> or <c>out_of_scope</c>).</param>
/// <param name="Confidence">Softmax probability of <paramref name="Intent"/>, 0–1.</param>
/// <param name="Alternatives">The next most likely intents (top-3 including the winner), best first.</param>
public sealed record IntentPrediction(string Intent, float Confidence, IReadOnlyList<IntentScore> Alternatives);

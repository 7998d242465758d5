namespace CustomerService.Core.Handoff;

/// <summary>
/// The <c>value</c> of <c>handoff.initiate</c> and <c>handoff.status</c> events. <see cref="State"/> follows Bot
/// Builder (<c>initiated</c>, <c>accepted</c>, <c>completed</c>); <see cref="Handoff"/> is our conversation state.
/// </summary>
internal sealed record HandoffEventValue(string State, string Handoff, string? Reason = null, string? Intent = null, float? Confidence = null, string? Agent = null);

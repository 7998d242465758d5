namespace CustomerService.Data.Outbox;

/// <summary>
/// Payload of every escalation outbox message. It carries ids only, never customer text: the worker reads
/// the current escalation when it delivers. For <see cref="OutboxMessageTypes.EscalationErased"/> the
/// escalation is gone, so the Slack card's location travels in the payload.
/// </summary>
/// <param name="EscalationId">The escalation.</param>
/// <param name="SlackChannel">Channel of the card to tombstone (erased only).</param>
/// <param name="SlackMessageTs">Slack <c>ts</c> of the card to tombstone (erased only).</param>
public sealed record EscalationOutboxPayload(string EscalationId, string? SlackChannel = null, string? SlackMessageTs = null);

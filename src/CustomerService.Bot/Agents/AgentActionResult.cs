namespace CustomerService.Bot.Agents;

/// <summary>Body of a successful claim, resolve or reply.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Outcome"><c>done</c>, or <c>noChange</c> for a repeat of what was already done.</param>
/// <param name="State">Handoff state afterwards, camelCase.</param>
/// <param name="AssignedAgent">Owner id afterwards.</param>
/// <param name="AssignedAgentName">Owner display name.</param>
/// <param name="ActivityIds">Ids of the activities sent to the customer (the reply, status messages).</param>
internal sealed record AgentActionResult(
    string ConversationId,
    string Outcome,
    string State,
    string? AssignedAgent,
    string? AssignedAgentName,
    IReadOnlyList<string> ActivityIds);

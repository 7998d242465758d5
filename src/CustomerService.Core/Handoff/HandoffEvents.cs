using System.Text.Json;
using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Escalation;
using CustomerService.Core.Ports;

namespace CustomerService.Core.Handoff;

/// <summary>Builds the Bot Framework–style handoff event activities a widget can react to.</summary>
internal static class HandoffEvents
{
    public const string Initiated = "initiated";
    public const string Accepted = "accepted";
    public const string Completed = "completed";

    public static Activity Initiate(EscalationReason reason, IntentPrediction? prediction) => Event(
        HandoffEventNames.InitiateHandoff,
        new HandoffEventValue(Initiated, StateName(HandoffState.Pending), JsonNamingPolicy.CamelCase.ConvertName(reason.ToString()), prediction?.Intent, prediction?.Confidence));

    public static Activity Status(string status, HandoffState state, string? agentName) => Event(
        HandoffEventNames.HandoffStatus,
        new HandoffEventValue(status, StateName(state), Agent: agentName));

    public static string StateName(HandoffState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    private static Activity Event(string name, HandoffEventValue value) => new()
    {
        Type = ActivityTypes.Event,
        Name = name,
        Value = JsonSerializer.SerializeToElement(value, ActivityJson.Options),
    };
}

namespace CustomerService.Core.Dialogs;

/// <summary>Dialogs the engine itself needs, besides one per intent.</summary>
public static class DialogIds
{
    /// <summary>Sent once when the customer joins the conversation.</summary>
    public const string Welcome = "welcome";

    /// <summary>Texts for the handoff: steps <c>initiated</c>, <c>claimed</c> and <c>resolved</c>.</summary>
    public const string Handoff = "handoff";

    /// <summary>The "did you mean" question under the confidence threshold.</summary>
    public const string Clarify = "clarify";

    /// <summary>Step ids inside the handoff dialog.</summary>
    public const string HandoffInitiatedStep = "initiated";

    public const string HandoffClaimedStep = "claimed";

    public const string HandoffResolvedStep = "resolved";

    public static IReadOnlyList<string> System { get; } = [Welcome, Handoff, Clarify];
}

namespace CustomerService.Core.Dialogs.Actions;

/// <summary>Outcome names the built-in actions return.</summary>
internal static class ActionOutcomes
{
    public const string Found = "found";
    public const string NotFound = "not_found";
    public const string Missing = "missing";
    public const string None = "none";
    public const string Requested = "requested";
    public const string AlreadyCancelled = "already_cancelled";
    public const string NotCancellable = "not_cancellable";
    public const string Recorded = "recorded";
}

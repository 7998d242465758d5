namespace CustomerService.Core.Ports;

/// <summary>The few facts about the current customer that dialogs and the responder may use.</summary>
/// <param name="Name">Display name, if known.</param>
/// <param name="OpenOrderNumber">Number of the customer's most recent open order, if any.</param>
/// <param name="OpenOrderStatus">Status of that order (e.g. <c>shipped</c>).</param>
/// <param name="LastIssue">Intent id of the customer's previous conversation, if any.</param>
/// <param name="PreferredCategories">Product categories the customer prefers, most preferred first.</param>
public sealed record CustomerContext(
    string? Name,
    string? OpenOrderNumber,
    string? OpenOrderStatus,
    string? LastIssue,
    IReadOnlyList<string> PreferredCategories)
{
    /// <summary>A customer we know nothing about.</summary>
    public static CustomerContext Anonymous { get; } = new(null, null, null, null, []);
}

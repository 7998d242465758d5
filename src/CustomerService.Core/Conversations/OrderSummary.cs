namespace CustomerService.Core.Conversations;

/// <summary>An order as dialogs see it.</summary>
/// <param name="Number">Order number as the customer knows it.</param>
/// <param name="Status">e.g. <c>processing</c>, <c>shipped</c>, <c>delivered</c>, <c>cancelled</c>.</param>
/// <param name="Total">Order total in <paramref name="Currency"/>.</param>
/// <param name="PlacedAt">When it was placed (UTC).</param>
/// <param name="ExpectedDelivery">Expected delivery date, if known.</param>
/// <param name="Items">Item descriptions.</param>
public sealed record OrderSummary(
    string Number,
    string Status,
    decimal Total,
    string Currency,
    DateTimeOffset PlacedAt,
    DateOnly? ExpectedDelivery,
    IReadOnlyList<string> Items);

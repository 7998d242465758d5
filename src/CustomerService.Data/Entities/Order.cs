namespace CustomerService.Data.Entities;

/// <summary>A customer's order.</summary>
internal sealed class Order
{
    public long Id { get; set; }

    public required string CustomerId { get; set; }

    /// <summary>Order number as the customer knows it, stored upper-case.</summary>
    public required string Number { get; set; }

    public required string Status { get; set; }

    public decimal Total { get; set; }

    public required string Currency { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public DateOnly? ExpectedDelivery { get; set; }

    /// <summary>Main product category of the order (e.g. <c>electronics</c>).</summary>
    public string? Category { get; set; }

    public List<OrderItem> Items { get; } = [];
}

namespace CustomerService.Data.Entities;

/// <summary>One line of an order.</summary>
internal sealed class OrderItem
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    public required string Description { get; set; }

    public int Quantity { get; set; } = 1;

    public decimal UnitPrice { get; set; }

    public string? Category { get; set; }
}

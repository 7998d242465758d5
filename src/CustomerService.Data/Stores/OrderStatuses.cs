namespace CustomerService.Data.Stores;

/// <summary>Order status values; an order is open until it is delivered, cancelled, returned or refunded.</summary>
internal static class OrderStatuses
{
    public const string Processing = "processing";
    public const string Shipped = "shipped";
    public const string Delivered = "delivered";
    public const string Cancelled = "cancelled";
    public const string Returned = "returned";
    public const string Refunded = "refunded";

    public static readonly string[] Closed = [Delivered, Cancelled, Returned, Refunded];
}

using System.Globalization;
using CustomerService.Core.Conversations;

namespace CustomerService.Core.Dialogs.Actions;

/// <summary>The slots an order fills, shared by the order actions.</summary>
internal static class OrderSlots
{
    public const string Number = "order_number";
    public const string Status = "order_status";
    public const string Total = "order_total";
    public const string PlacedAt = "order_placed";
    public const string ExpectedDelivery = "expected_delivery";
    public const string Items = "order_items";

    public static Dictionary<string, string> From(OrderSummary order)
    {
        var slots = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Number] = order.Number,
            [Status] = order.Status,
            [Total] = string.Create(CultureInfo.InvariantCulture, $"{order.Total:0.00} {order.Currency}"),
            [PlacedAt] = order.PlacedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (order.ExpectedDelivery is { } delivery)
        {
            slots[ExpectedDelivery] = delivery.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (order.Items.Count > 0)
        {
            var shown = string.Join(", ", order.Items.Take(5));
            slots[Items] = order.Items.Count > 5 ? string.Create(CultureInfo.InvariantCulture, $"{shown} and {order.Items.Count - 5} more") : shown;
        }

        return slots;
    }

    /// <summary>The order number the customer gave, else the one the dialog prefilled.</summary>
    public static string? RequestedNumber(DialogActionContext context) =>
        context.Slots.TryGetValue(context.Args.GetValueOrDefault("slot") ?? Number, out var number) && !string.IsNullOrWhiteSpace(number)
            ? number
            : null;
}

using CustomerService.Core.Ports;

namespace CustomerService.Core.Dialogs.Actions;

/// <summary>
/// <c>cancel_order</c>: checks that the order in <c>order_number</c> is this customer's and still cancellable,
/// then records the cancellation request as the profile fact <c>cancellation_requested</c> (committed with the
/// turn) for the order system to act on. Outcomes: requested, already_cancelled, not_cancellable, not_found, missing.
/// </summary>
internal sealed class CancelOrderAction(ICustomerStore customers) : IDialogAction
{
    public const string ActionName = "cancel_order";
    public const string RequestFact = "cancellation_requested";

    private static readonly HashSet<string> Shipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "shipped", "in_transit", "in transit", "out_for_delivery", "out for delivery", "delivered", "returned", "refunded",
    };

    public string Name => ActionName;

    public async Task<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var number = OrderSlots.RequestedNumber(context);
        if (number is null)
        {
            return DialogActionResult.Of(ActionOutcomes.Missing);
        }

        var order = await customers.FindOrderAsync(context.CustomerId, number, cancellationToken);
        if (order is null)
        {
            return DialogActionResult.Of(ActionOutcomes.NotFound);
        }

        var slots = OrderSlots.From(order);
        if (string.Equals(order.Status, "cancelled", StringComparison.OrdinalIgnoreCase)
            || string.Equals(order.Status, "canceled", StringComparison.OrdinalIgnoreCase))
        {
            return new DialogActionResult(ActionOutcomes.AlreadyCancelled, slots);
        }

        if (Shipped.Contains(order.Status))
        {
            return new DialogActionResult(ActionOutcomes.NotCancellable, slots);
        }

        await customers.SetFactAsync(context.CustomerId, RequestFact, order.Number, cancellationToken);
        return new DialogActionResult(ActionOutcomes.Requested, slots);
    }
}

using CustomerService.Core.Ports;

namespace CustomerService.Core.Dialogs.Actions;

/// <summary>
/// <c>lookup_order</c>: finds the order in slot <c>order_number</c> (arg <c>slot</c> to use another) among
/// this customer's orders and fills the order slots. Outcomes: found, not_found, missing.
/// </summary>
internal sealed class LookupOrderAction(ICustomerStore customers) : IDialogAction
{
    public const string ActionName = "lookup_order";

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
        return order is null
            ? DialogActionResult.Of(ActionOutcomes.NotFound)
            : new DialogActionResult(ActionOutcomes.Found, OrderSlots.From(order));
    }
}

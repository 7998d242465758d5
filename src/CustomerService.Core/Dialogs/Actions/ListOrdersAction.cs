using System.Globalization;
using CustomerService.Core.Ports;

namespace CustomerService.Core.Dialogs.Actions;

/// <summary>
/// <c>list_orders</c>: the customer's latest orders as <c>order_list</c> and <c>order_count</c>, and the newest
/// order's slots. Outcomes: found, none.
/// </summary>
internal sealed class ListOrdersAction(ICustomerStore customers) : IDialogAction
{
    public const string ActionName = "list_orders";
    public const string ListSlot = "order_list";
    public const string CountSlot = "order_count";
    private const int MaxListed = 5;

    public string Name => ActionName;

    public async Task<DialogActionResult> ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var orders = await customers.ListOrdersAsync(context.CustomerId, cancellationToken);
        if (orders.Count == 0)
        {
            return DialogActionResult.Of(ActionOutcomes.None);
        }

        var slots = OrderSlots.From(orders[0]);
        slots[ListSlot] = string.Join("; ", orders.Take(MaxListed).Select(o => $"{o.Number} ({o.Status})"));
        slots[CountSlot] = orders.Count.ToString(CultureInfo.InvariantCulture);
        return new DialogActionResult(ActionOutcomes.Found, slots);
    }
}

using CustomerService.Core.Conversations;

namespace CustomerService.Core.Ports;

/// <summary>What we know about a customer: profile facts, orders, past conversations.</summary>
public interface ICustomerStore
{
    /// <summary>The small context dialogs and the responder may use.</summary>
    Task<CustomerContext> GetContextAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Finds one of this customer's orders by number; never another customer's.</summary>
    Task<OrderSummary?> FindOrderAsync(string customerId, string orderNumber, CancellationToken cancellationToken);

    /// <summary>The customer's orders, newest first.</summary>
    Task<IReadOnlyList<OrderSummary>> ListOrdersAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Stages a profile fact (e.g. <c>name</c>, <c>preferred_category</c>) for the turn's commit.</summary>
    Task SetFactAsync(string customerId, string key, string value, CancellationToken cancellationToken);
}

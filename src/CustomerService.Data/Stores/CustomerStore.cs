using System.Globalization;
using System.Text.RegularExpressions;
using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;
using CustomerService.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Data.Stores;

/// <summary>
/// What we know about a customer. Every query is filtered by the customer id first, so a dialog can never
/// read another customer's order by guessing its number.
/// </summary>
internal sealed partial class CustomerStore(CustomerServiceDbContext db, TimeProvider timeProvider) : ICustomerStore
{
    private const int MaxOrders = 50;
    private const int MaxPreferredCategories = 3;

    public async Task<CustomerContext> GetContextAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);

        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId)
            .Select(c => new { c.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return CustomerContext.Anonymous;
        }

        var facts = await db.ProfileFacts.AsNoTracking()
            .Where(f => f.CustomerId == customerId && (f.Key == ProfileFactKeys.Name || f.Key == ProfileFactKeys.PreferredCategory))
            .ToDictionaryAsync(f => f.Key, f => f.Value, StringComparer.Ordinal, cancellationToken);

        var openOrder = await db.Orders.AsNoTracking()
            .Where(o => o.CustomerId == customerId && !OrderStatuses.Closed.Contains(o.Status))
            .OrderByDescending(o => o.PlacedAt)
            .Select(o => new { o.Number, o.Status })
            .FirstOrDefaultAsync(cancellationToken);

        var lastIssue = await db.Conversations.AsNoTracking()
            .Where(c => c.CustomerId == customerId && c.LastIntent != null)
            .OrderByDescending(c => c.LastActivityAt)
            .Select(c => c.LastIntent)
            .FirstOrDefaultAsync(cancellationToken);

        var categories = new List<string>();
        if (facts.TryGetValue(ProfileFactKeys.PreferredCategory, out var preferred))
        {
            categories.AddRange(preferred.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        // Then what they buy most, as the seed's retail example suggests offers from purchase history.
        var bought = await db.Orders.AsNoTracking()
            .Where(o => o.CustomerId == customerId && o.Category != null)
            .GroupBy(o => o.Category!)
            .Select(g => new { Category = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Category)
            .Take(MaxPreferredCategories)
            .ToListAsync(cancellationToken);
        categories.AddRange(bought.Select(b => b.Category));

        return new CustomerContext(
            facts.GetValueOrDefault(ProfileFactKeys.Name) ?? customer.DisplayName,
            openOrder?.Number,
            openOrder?.Status,
            lastIssue,
            categories.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxPreferredCategories).ToArray());
    }

    public async Task<OrderSummary?> FindOrderAsync(string customerId, string orderNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var number = NormalizeOrderNumber(orderNumber);
        if (number is null)
        {
            return null;
        }

        var order = await db.Orders.AsNoTracking()
            .Include(o => o.Items)
            .Where(o => o.CustomerId == customerId && o.Number == number)
            .FirstOrDefaultAsync(cancellationToken);
        return order is null ? null : ToSummary(order);
    }

    public async Task<IReadOnlyList<OrderSummary>> ListOrdersAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);

        var orders = await db.Orders.AsNoTracking()
            .Include(o => o.Items)
            .Where(o => o.CustomerId == customerId)
            .OrderByDescending(o => o.PlacedAt)
            .Take(MaxOrders)
            .ToListAsync(cancellationToken);
        return orders.ConvertAll(ToSummary);
    }

    public async Task SetFactAsync(string customerId, string key, string value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentNullException.ThrowIfNull(value);
        if (key is null || key.Length > DataLimits.MaxFactKeyLength || !FactKeyPattern().IsMatch(key))
        {
            throw new ArgumentException($"A fact key is lowercase snake_case of at most {DataLimits.MaxFactKeyLength} characters.", nameof(key));
        }

        if (value.Length > DataLimits.MaxFactValueLength)
        {
            throw new ArgumentException($"A fact value has at most {DataLimits.MaxFactValueLength} characters.", nameof(value));
        }

        var now = timeProvider.GetUtcNow();
        var fact = db.ProfileFacts.Local.FirstOrDefault(f => f.CustomerId == customerId && f.Key == key)
            ?? await db.ProfileFacts.FirstOrDefaultAsync(f => f.CustomerId == customerId && f.Key == key, cancellationToken);
        if (fact is null)
        {
            db.ProfileFacts.Add(new ProfileFact { CustomerId = customerId, Key = key, Value = value, UpdatedAt = now });
        }
        else if (!string.Equals(fact.Value, value, StringComparison.Ordinal))
        {
            fact.Value = value;
            fact.UpdatedAt = now;
        }
    }

    /// <summary>Order numbers are stored upper-case without surrounding space or a leading '#'.</summary>
    internal static string? NormalizeOrderNumber(string? orderNumber)
    {
        if (string.IsNullOrWhiteSpace(orderNumber))
        {
            return null;
        }

        var trimmed = orderNumber.Trim().TrimStart('#').Trim();
        return trimmed.Length is 0 or > 32 ? null : trimmed.ToUpperInvariant();
    }

    internal static OrderSummary ToSummary(Order order) => new(
        order.Number,
        order.Status,
        order.Total,
        order.Currency,
        order.PlacedAt,
        order.ExpectedDelivery,
        order.Items.OrderBy(i => i.Id).Select(i => i.Quantity > 1 ? string.Create(CultureInfo.InvariantCulture, $"{i.Quantity} × {i.Description}") : i.Description).ToArray());

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FactKeyPattern();
}

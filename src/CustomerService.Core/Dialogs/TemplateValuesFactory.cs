using CustomerService.Core.Ports;
using Microsoft.Extensions.Options;

namespace CustomerService.Core.Dialogs;

/// <summary>
/// Builds template values from neutral defaults, configuration (<c>Placeholders</c>), the customer's context and dialog slots,
/// in rising precedence. Only this customer's facts are used, never anyone else's.
/// </summary>
internal sealed class TemplateValuesFactory(IOptionsMonitor<PlaceholderOptions> placeholders, DialogCatalog catalog)
{
    public const string CustomerName = "customer_name";
    public const string CustomerFirstName = "customer_first_name";
    public const string OpenOrderNumber = "open_order_number";
    public const string OpenOrderStatus = "open_order_status";
    public const string LastIssue = "last_issue";
    public const string PreferredCategory = "preferred_category";
    public const string PreferredCategories = "preferred_categories";
    public const string AgentName = "agent_name";

    /// <summary>Names customer context can provide (for validation of conditions).</summary>
    public static IReadOnlyList<string> CustomerKeys { get; } =
        [CustomerName, CustomerFirstName, OpenOrderNumber, OpenOrderStatus, LastIssue, PreferredCategory, PreferredCategories, AgentName];

    public TemplateValues Create(CustomerContext customer, IReadOnlyDictionary<string, string>? slots = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var values = new TemplateValues(PlaceholderDefaults.Values).With(placeholders.CurrentValue.Values);
        values = values.With(CustomerValues(customer));
        return slots is null ? values : values.With(slots);
    }

    private IEnumerable<KeyValuePair<string, string>> CustomerValues(CustomerContext customer)
    {
        if (!string.IsNullOrWhiteSpace(customer.Name))
        {
            var name = customer.Name.Trim();
            yield return new(CustomerName, name);
            yield return new(CustomerFirstName, name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
        }

        if (!string.IsNullOrWhiteSpace(customer.OpenOrderNumber))
        {
            yield return new(OpenOrderNumber, customer.OpenOrderNumber);
        }

        if (!string.IsNullOrWhiteSpace(customer.OpenOrderStatus))
        {
            yield return new(OpenOrderStatus, customer.OpenOrderStatus);
        }

        // The last issue is an intent id; customers read the dialog's title ("track an order"), not "track_order".
        if (!string.IsNullOrWhiteSpace(customer.LastIssue) && catalog.FindByIntent(customer.LastIssue) is { Title: { } title })
        {
            yield return new(LastIssue, title);
        }

        // Category ids such as "home_kitchen" read as "home kitchen".
        var categories = customer.PreferredCategories.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Replace('_', ' ').Trim()).ToList();
        if (categories.Count > 0)
        {
            yield return new(PreferredCategory, categories[0]);
            yield return new(PreferredCategories, string.Join(", ", categories.Take(3)));
        }
    }
}

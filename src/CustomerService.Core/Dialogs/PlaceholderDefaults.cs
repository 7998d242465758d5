namespace CustomerService.Core.Dialogs;

/// <summary>
/// Neutral values for placeholders that need no business data: generic phrases ("our website") and the
/// labels of site sections that Bitext-style answers name (<c>{{Order History}}</c> → "Order History").
/// Configuration (<c>Placeholders</c>) overrides them. Contact details (phone, e-mail) have no default on
/// purpose: a made-up number must never reach a customer, so their sentences are dropped until configured.
/// </summary>
internal static class PlaceholderDefaults
{
    private static readonly string[] SectionLabels =
    [
        "Account", "Account Details", "Account Settings", "Billing", "Cancel Order", "Cancellation Policy", "Checkout",
        "Contact Us", "Delivery Address", "Edit", "Edit Order", "Feedback", "Help", "Invoice", "Invoice History", "Invoices",
        "Modify Order", "My Account", "My Orders", "Newsletter Subscription", "Order Details", "Order History", "Order Status",
        "Order Tracking", "Payment", "Payment Methods", "Payment Options", "Profile", "Refund Policy", "Refunds", "Returns",
        "Shipping Address", "Support", "Track Order", "Update",
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> Values { get; } =
    [
        .. SectionLabels.Select(label => new KeyValuePair<string, string>(label, label)),
        new("Website Name", "our website"),
        new("Website URL", "our website"),
        new("Website", "our website"),
        new("Website or App", "our website or app"),
        new("Company Name", "our company"),
        new("Live Chat", "live chat"),
        new("Customer Support", "customer support"),
        new("Customer Support Availability", "during business hours"),
        new("Customer Support Hours", "business hours"),
        new("Customer Service Hours", "business hours"),
    ];

    private static readonly HashSet<string> Keys = [.. Values.Select(v => PlaceholderKey.Normalize(v.Key))];

    /// <summary>True when <paramref name="name"/> always has a default value (so a condition on it always holds).</summary>
    public static bool HasDefault(string name) => Keys.Contains(PlaceholderKey.Normalize(name));
}

namespace CustomerService.Bot.Admin;

/// <summary>The answer of a lookup by channel identity: the customer id the export and erase routes take.</summary>
internal sealed record AdminCustomerReference(string CustomerId);

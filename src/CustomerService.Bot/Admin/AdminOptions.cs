namespace CustomerService.Bot.Admin;

/// <summary>
/// The <c>Admin</c> section: keys for the data-rights API (<c>/api/admin</c>: export and erase any customer). Separate
/// from the agents' keys, because an admin key reaches every customer's data. Only hashes are configured, from the
/// environment (<c>Admin__ApiKeys__0__Name</c>, <c>Admin__ApiKeys__0__KeyHash</c>); <c>hash-api-key</c> makes both halves.
/// </summary>
internal sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Keys sent in the <c>X-Api-Key</c> header; with none, the admin API answers 401 to everyone.</summary>
    public IList<AdminApiKeyOptions> ApiKeys { get; init; } = [];
}

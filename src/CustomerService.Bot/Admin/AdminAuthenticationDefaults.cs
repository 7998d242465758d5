namespace CustomerService.Bot.Admin;

/// <summary>Names of the admin API's scheme, policy, header and route prefix.</summary>
internal static class AdminAuthenticationDefaults
{
    public const string Scheme = "Admin.ApiKey";

    public const string Policy = "Admin";

    public const string ApiKeyHeader = "X-Api-Key";

    public const string ApiPrefix = "/api/admin";

    /// <summary>Claim every admin principal carries; agent principals never do, whatever key they present.</summary>
    public const string AdminClaim = "cs:admin";
}

namespace CustomerService.Data.Stores;

/// <summary>Profile fact keys the data layer reads itself.</summary>
internal static class ProfileFactKeys
{
    public const string Name = "name";
    public const string PreferredCategory = "preferred_category";
}

namespace CustomerService.Core.Activities;

/// <summary>Card action types of the Bot Framework schema that we emit.</summary>
public static class CardActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string OpenUrl = "openUrl";
}

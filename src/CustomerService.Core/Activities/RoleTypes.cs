namespace CustomerService.Core.Activities;

/// <summary>Values of <c>from.role</c>. <c>agent</c> is ours: a human agent speaking through the bot.</summary>
public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
    public const string Channel = "channel";
    public const string Agent = "agent";

    /// <summary>True for the customer's own activities: role <c>user</c>, or a message without a role (clients may omit it).</summary>
    public static bool IsCustomer(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.From is { } from && (from.Role == User || (from.Role is null && activity.Type == ActivityTypes.Message));
    }
}

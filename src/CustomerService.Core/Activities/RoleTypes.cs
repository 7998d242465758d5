namespace CustomerService.Core.Activities;

/// <summary>Values of <c>from.role</c>. <c>agent</c> is ours: a human agent speaking through the bot.</summary>
public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
    public const string Channel = "channel";
    public const string Agent = "agent";
}

namespace CustomerService.Bot.Channels.Slack.BlockKit;

/// <summary>Block Kit limits (slack.md §4); the card builder stays inside them.</summary>
internal static class SlackLimits
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxSectionField = 2000;
    public const int MaxHeaderText = 150;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxActionId = 255;
    public const int MaxBlockId = 255;
    public const int MaxUrl = 3000;
    public const int MaxContextElements = 10;

    // chat.postMessage truncates at 40,000; fallback text stays far below for readability.
    public const int MaxMessageText = 4000;
}

namespace CustomerService.LoadGenerator.DirectLine;

/// <summary>What Web Chat posts for a typed message (directline.md §4), minus the fields only a browser has.</summary>
internal sealed record OutgoingMessage
{
    public string Type { get; init; } = "message";

    public required WireAccount From { get; init; }

    public required string Text { get; init; }

    public string TextFormat { get; init; } = "plain";

    public required string Locale { get; init; }

    public string ChannelId { get; init; } = "webchat";

    public required OutgoingChannelData ChannelData { get; init; }
}

using System.Text.Json.Serialization;

namespace CustomerService.Bot.Channels.Slack.BlockKit;

/// <summary>A Block Kit layout block; the serializer writes the <c>type</c> discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
internal abstract record SlackBlock
{
    /// <summary>Unique per message, at most 255 characters (slack.md §4).</summary>
    public string? BlockId { get; init; }
}

using System.ComponentModel.DataAnnotations;

namespace CustomerService.Core.Turns;

/// <summary>Turn queue and bot identity (section <c>Turns</c>).</summary>
public sealed class TurnOptions
{
    public const string SectionName = "Turns";

    /// <summary>Turns queued or running at once, over all conversations; past it EnqueueAsync waits.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;

    /// <summary>Conversations whose turns run at the same time (turns of one conversation never overlap).</summary>
    [Range(1, 256)]
    public int MaxConcurrentTurns { get; set; } = 4;

    /// <summary>How long EnqueueAsync waits for room in a full queue before it returns false.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan EnqueueTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// At start, customer messages the previous run acknowledged but never answered (it stopped mid-turn) are
    /// answered if they are at most this old; an answer much later would confuse more than help. Zero turns it off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RecoveryWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The bot's account id when the inbound activity names no recipient.</summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(128)]
    public string BotId { get; set; } = "bot";

    /// <summary>The bot's display name on its replies.</summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(128)]
    public string BotName { get; set; } = "Support";
}

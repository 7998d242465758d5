using System.ComponentModel.DataAnnotations;

namespace CustomerService.Bot.WebChat;

/// <summary>The chat page at <c>/</c> (section <c>WebChat</c>).</summary>
public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    public bool Enabled { get; set; } = true;

    /// <summary>How long a browser may come back to its conversation (kept in an HttpOnly cookie).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan ResumeLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Seeded demo customers a visitor may pick with <c>?user=ID</c>, so personalisation shows at once.
    /// Anyone can pick them: leave the list empty outside demos.
    /// </summary>
    public IReadOnlyList<WebChatDemoCustomer> DemoCustomers { get; set; } = [];
}

using System.ComponentModel.DataAnnotations;

namespace CustomerService.Bot.WebChat;

/// <summary>A seeded demo customer: the Web Chat user id the seed links to it, and the name the page shows.</summary>
public sealed class WebChatDemoCustomer
{
    [Required]
    [RegularExpression("^[A-Za-z0-9_\\-.:@]{1,64}$")]
    public string UserId { get; set; } = string.Empty;

    [Required]
    [StringLength(80, MinimumLength = 1)]
    public string Name { get; set; } = string.Empty;
}

using System.ComponentModel.DataAnnotations;

namespace CustomerService.Bot.Agents;

/// <summary>One agent account. <see cref="PasswordHash"/> is the output of <c>hash-password</c>, never a password.</summary>
internal sealed class AgentUserOptions
{
    /// <summary>Sign-in name: letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, <c>@</c>; compared case-insensitively.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9._@-]{1,64}$", ErrorMessage = "Agents:Users:*:UserName must be 1-64 characters of letters, digits, '.', '_', '-' or '@'.")]
    public string UserName { get; init; } = "";

    /// <summary>Name shown to other agents ("already claimed by …").</summary>
    [StringLength(80)]
    public string? DisplayName { get; init; }

    /// <summary>
    /// ASP.NET Core Identity v3 hash: base64 of <c>0x01 | PRF | iterations | salt length | salt | subkey</c>
    /// (PBKDF2-HMAC-SHA512, 100,000 iterations, 128-bit salt, 256-bit subkey), as <c>hash-password</c> prints it.
    /// </summary>
    [Required]
    [StringLength(512, MinimumLength = 40)]
    public string PasswordHash { get; init; } = "";
}

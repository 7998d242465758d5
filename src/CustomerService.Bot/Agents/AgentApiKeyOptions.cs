using System.ComponentModel.DataAnnotations;

namespace CustomerService.Bot.Agents;

/// <summary>
/// One automation key. The key itself is a 256-bit random secret, so a single SHA-256 is enough to store it
/// (unlike a password, it cannot be guessed from a dictionary); <c>hash-api-key</c> prints a new key and its hash.
/// </summary>
internal sealed class AgentApiKeyOptions
{
    /// <summary>Who acts with this key (shown as the owner of what it claims), e.g. <c>crm-sync</c>.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9._@-]{1,64}$", ErrorMessage = "Agents:ApiKeys:*:Name must be 1-64 characters of letters, digits, '.', '_', '-' or '@'.")]
    public string Name { get; init; } = "";

    /// <summary>Lowercase hex SHA-256 of the key's UTF-8 bytes (64 characters).</summary>
    [Required]
    [RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "Agents:ApiKeys:*:KeyHash must be the 64-character hex SHA-256 that hash-api-key prints.")]
    public string KeyHash { get; init; } = "";
}

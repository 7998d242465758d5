using System.ComponentModel.DataAnnotations;

namespace CustomerService.Bot.Admin;

/// <summary>One admin key: who holds it (logged with every action) and the SHA-256 of the key, as <c>hash-api-key</c> prints it.</summary>
internal sealed class AdminApiKeyOptions
{
    [Required]
    [RegularExpression(@"^[A-Za-z0-9._@-]{1,64}$", ErrorMessage = "Admin:ApiKeys:*:Name must be 1-64 characters of letters, digits, '.', '_', '-' or '@'.")]
    public string Name { get; init; } = "";

    /// <summary>Lowercase hex SHA-256 of the key's UTF-8 bytes (64 characters).</summary>
    [Required]
    [RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "Admin:ApiKeys:*:KeyHash must be the 64-character hex SHA-256 that hash-api-key prints.")]
    public string KeyHash { get; init; } = "";
}

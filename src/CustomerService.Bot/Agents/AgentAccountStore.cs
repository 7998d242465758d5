using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Agents;

/// <summary>Checks passwords and API keys against the hashes in <see cref="AgentsOptions"/>.</summary>
internal sealed class AgentAccountStore
{
    /// <summary>Longest password or key we hash; PBKDF2 over megabytes would be a free CPU burner.</summary>
    public const int MaxSecretLength = 256;

    private readonly IOptionsMonitor<AgentsOptions> _options;
    private readonly PasswordHasher<AgentUserOptions> _hasher = new();

    // Unknown user names are checked against this hash too, so the response time does not tell which names exist.
    private readonly string _decoyHash;

    public AgentAccountStore(IOptionsMonitor<AgentsOptions> options)
    {
        _options = options;
        _decoyHash = _hasher.HashPassword(new AgentUserOptions(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
    }

    public bool HasPasswordAccounts => _options.CurrentValue.Users.Count > 0;

    public AgentIdentity? VerifyPassword(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length > MaxSecretLength)
        {
            return null;
        }

        var user = _options.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
        var result = _hasher.VerifyHashedPassword(user ?? new AgentUserOptions(), user?.PasswordHash ?? _decoyHash, password);
        if (user is null || result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        return new AgentIdentity(user.UserName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName : user.DisplayName);
    }

    public AgentIdentity? VerifyApiKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is 0 or > MaxSecretLength)
        {
            return null;
        }

        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), presented);
        Span<byte> configured = stackalloc byte[SHA256.HashSizeInBytes];
        AgentApiKeyOptions? match = null;

        // Compare against every key in constant time so the position of a match is not observable.
        foreach (var candidate in _options.CurrentValue.ApiKeys)
        {
            if (Convert.FromHexString(candidate.KeyHash, configured, out _, out var written) == System.Buffers.OperationStatus.Done
                && written == configured.Length
                && CryptographicOperations.FixedTimeEquals(presented, configured))
            {
                match ??= candidate;
            }
        }

        return match is null ? null : new AgentIdentity(match.Name, match.Name);
    }

    /// <summary>The name other agents see for an owner id: the configured display name, else the id (e.g. a Slack user id).</summary>
    public string? DisplayNameOf(string? agentId)
    {
        if (agentId is null)
        {
            return null;
        }

        var user = _options.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.UserName, agentId, StringComparison.OrdinalIgnoreCase));
        return string.IsNullOrWhiteSpace(user?.DisplayName) ? agentId : user.DisplayName;
    }

    /// <summary>Hashes a password in the format <see cref="AgentUserOptions.PasswordHash"/> expects.</summary>
    public static string HashPassword(string password) => new PasswordHasher<AgentUserOptions>().HashPassword(new AgentUserOptions(), password);

    /// <summary>Hashes an API key in the format <see cref="AgentApiKeyOptions.KeyHash"/> expects.</summary>
    public static string HashApiKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

using CustomerService.Bot.Agents;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Tests.Agents;

/// <summary>Agent accounts for tests. Hashing is slow on purpose (PBKDF2), so each password is hashed once per run.</summary>
internal static class AgentTestOptions
{
    public const string AlicePassword = "correct horse battery staple";
    public const string BobPassword = "bob's much longer passphrase";
    public const string ApiKey = "csk_test-key-for-automation-0123456789abcdef";

    private static readonly Lazy<string> AliceHash = new(() => AgentAccountStore.HashPassword(AlicePassword));
    private static readonly Lazy<string> BobHash = new(() => AgentAccountStore.HashPassword(BobPassword));

    public static string AlicePasswordHash => AliceHash.Value;

    public static string BobPasswordHash => BobHash.Value;

    public static AgentsOptions Create(int maxFailedLogins = 5, TimeSpan? lockout = null) => new()
    {
        Users =
        [
            new AgentUserOptions { UserName = "alice", DisplayName = "Alice Agent", PasswordHash = AlicePasswordHash },
            new AgentUserOptions { UserName = "bob", DisplayName = "Bob Agent", PasswordHash = BobPasswordHash },
        ],
        ApiKeys = [new AgentApiKeyOptions { Name = "crm-sync", KeyHash = AgentAccountStore.HashApiKey(ApiKey) }],
        MaxFailedLogins = maxFailedLogins,
        LockoutDuration = lockout ?? TimeSpan.FromMinutes(5),
    };

    /// <summary>The configuration keys a host gets from the environment (<c>Agents__Users__0__…</c>).</summary>
    public static Dictionary<string, string?> AsConfiguration() => new()
    {
        ["Agents:Users:0:UserName"] = "alice",
        ["Agents:Users:0:DisplayName"] = "Alice Agent",
        ["Agents:Users:0:PasswordHash"] = AlicePasswordHash,
        ["Agents:Users:1:UserName"] = "bob",
        ["Agents:Users:1:DisplayName"] = "Bob Agent",
        ["Agents:Users:1:PasswordHash"] = BobPasswordHash,
        ["Agents:ApiKeys:0:Name"] = "crm-sync",
        ["Agents:ApiKeys:0:KeyHash"] = AgentAccountStore.HashApiKey(ApiKey),
    };

    public static IOptionsMonitor<AgentsOptions> Monitor(AgentsOptions options) => new StaticOptionsMonitor(options);

    private sealed class StaticOptionsMonitor(AgentsOptions value) : IOptionsMonitor<AgentsOptions>
    {
        public AgentsOptions CurrentValue => value;

        public AgentsOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AgentsOptions, string?> listener) => null;
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Admin;

/// <summary>
/// Authenticates the admin API by <c>X-Api-Key</c> against the SHA-256 hashes in <see cref="AdminOptions"/>, comparing
/// with every configured hash in constant time. Challenges answer with ProblemDetails, never a redirect.
/// </summary>
internal sealed partial class AdminApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<AdminOptions> adminOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    /// <summary>Longest key hashed; a megabyte header would be a free CPU burner.</summary>
    private const int MaxKeyLength = 256;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AdminAuthenticationDefaults.ApiKeyHeader, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var holder = values.Count == 1 && values[0] is { } key ? Verify(key.Trim()) : null;
        if (holder is null)
        {
            Log.KeyRejected(Logger, Request.Path);
            return Task.FromResult(AuthenticateResult.Fail("Invalid admin API key."));
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, holder),
                new Claim(ClaimTypes.Name, holder),
                new Claim(AdminAuthenticationDefaults.AdminClaim, "true"),
            ],
            Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AdminProblems.Unauthorized(adminOptions.CurrentValue.ApiKeys.Count > 0).ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AdminProblems.Forbidden().ExecuteAsync(Context);

    private string? Verify(string key)
    {
        if (key.Length is 0 or > MaxKeyLength)
        {
            return null;
        }

        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), presented);
        Span<byte> configured = stackalloc byte[SHA256.HashSizeInBytes];
        string? holder = null;
        foreach (var candidate in adminOptions.CurrentValue.ApiKeys)
        {
            if (Convert.FromHexString(candidate.KeyHash, configured, out _, out var written) == System.Buffers.OperationStatus.Done
                && written == configured.Length
                && CryptographicOperations.FixedTimeEquals(presented, configured))
            {
                holder ??= candidate.Name;
            }
        }

        return holder;
    }

    private static partial class Log
    {
        [LoggerMessage(4720, LogLevel.Warning, "Admin API request to {Path} with an invalid API key")]
        public static partial void KeyRejected(ILogger logger, string path);
    }
}

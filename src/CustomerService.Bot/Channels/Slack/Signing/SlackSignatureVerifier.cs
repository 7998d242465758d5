using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack.Signing;

/// <summary>
/// Checks <c>X-Slack-Signature</c> (v0 HMAC-SHA256 over <c>v0:{timestamp}:{raw body}</c>) with a constant-time
/// compare and a replay window in both directions (slack.md §1).
/// </summary>
internal sealed class SlackSignatureVerifier(IOptions<SlackOptions> options, TimeProvider timeProvider)
{
    private const string Version = "v0";

    // "v0=" plus 64 lowercase hex characters.
    private const int SignatureLength = 3 + 64;

    public SlackSignatureResult Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        var secret = options.Value.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            // Without a secret nothing can be authenticated; HTTP mode refuses to start without one anyway.
            return SlackSignatureResult.Mismatch;
        }

        return Verify(secret, timestamp, signature, body, timeProvider.GetUtcNow(), options.Value.MaxRequestAge);
    }

    public static SlackSignatureResult Verify(
        string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan maxAge)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SlackSignatureResult.MissingHeaders;
        }

        if (timestamp.Length > 12 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SlackSignatureResult.MalformedTimestamp;
        }

        var age = now.ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > (long)maxAge.TotalSeconds)
        {
            return SlackSignatureResult.OutsideWindow;
        }

        if (!signature.StartsWith(Version + "=", StringComparison.Ordinal))
        {
            return SlackSignatureResult.UnsupportedVersion;
        }

        var expected = Compute(secret, timestamp, body);
        var actual = Encoding.ASCII.GetBytes(signature.Length == SignatureLength ? signature.ToLowerInvariant() : signature);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), actual)
            ? SlackSignatureResult.Valid
            : SlackSignatureResult.Mismatch;
    }

    /// <summary>The header value Slack would send for this body: <c>v0=</c> + lowercase hex HMAC.</summary>
    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(Version + ":" + timestamp + ":");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return Version + "=" + Convert.ToHexStringLower(hash);
    }
}

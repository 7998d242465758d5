using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>
/// Issues and checks the channel's tokens: compact JWTs signed with HMAC-SHA256, carrying the conversation
/// (<c>conv</c>) and the user (<c>user</c>, which Web Chat and DLJS decode to pin the user id, directline.md §2).
/// </summary>
internal sealed class DirectLineTokenService
{
    private const string Issuer = "customerservice/directline";
    private static readonly byte[] HeaderSegment = Encoding.ASCII.GetBytes(Base64UrlEncoder("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8));

    private readonly byte[] _key;
    private readonly byte[] _secretHash;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _timeProvider;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider timeProvider, ILogger<DirectLineTokenService> logger)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        if (string.IsNullOrEmpty(_options.TokenSigningKey))
        {
            _key = RandomNumberGenerator.GetBytes(32);
            Log.SigningKeyGenerated(logger);
        }
        else
        {
            _key = Encoding.UTF8.GetBytes(_options.TokenSigningKey);
        }

        _secretHash = SHA256.HashData(Encoding.UTF8.GetBytes(_options.Secret ?? string.Empty));
    }

    public TimeSpan TokenLifetime => _options.TokenLifetime;

    /// <summary>True when <paramref name="candidate"/> is the configured secret (constant-time).</summary>
    public bool IsSecret(string candidate)
    {
        if (string.IsNullOrEmpty(_options.Secret))
        {
            return false;
        }

        // Hashing first makes the comparison independent of the candidate's length.
        var candidateHash = SHA256.HashData(Encoding.UTF8.GetBytes(candidate));
        return CryptographicOperations.FixedTimeEquals(candidateHash, _secretHash);
    }

    public string IssueConversationToken(string conversationId, string? userId, string? userName) =>
        Issue(conversationId, userId, userName, DirectLineTokenScope.Conversation, _options.TokenLifetime);

    public string IssueStreamToken(string conversationId, string? userId) =>
        Issue(conversationId, userId, null, DirectLineTokenScope.Stream, _options.StreamUrlLifetime);

    public string Issue(string conversationId, string? userId, string? userName, DirectLineTokenScope scope, TimeSpan lifetime)
    {
        var now = _timeProvider.GetUtcNow();
        var payload = new DirectLineJwtPayload
        {
            Issuer = Issuer,
            Conversation = conversationId,
            User = userId,
            Name = userName,
            Scope = scope switch
            {
                DirectLineTokenScope.Stream => "stream",
                DirectLineTokenScope.Resume => "resume",
                _ => "conversation",
            },
            IssuedAt = now.ToUnixTimeSeconds(),
            Expires = (now + lifetime).ToUnixTimeSeconds(),
            Nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
        };
        var payloadSegment = Base64UrlEncoder(JsonSerializer.SerializeToUtf8Bytes(payload, DirectLineJsonContext.Default.DirectLineJwtPayload));
        var signingInput = $"{Encoding.ASCII.GetString(HeaderSegment)}.{payloadSegment}";
        var signature = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder(signature)}";
    }

    /// <summary>Checks signature, issuer, scope and expiry. Never throws on hostile input.</summary>
    public DirectLineTokenStatus Validate(string token, DirectLineTokenScope expectedScope, out DirectLineTokenClaims? claims)
    {
        claims = null;
        if (token.Length is 0 or > 4096)
        {
            return DirectLineTokenStatus.Invalid;
        }

        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var lastDot = token.LastIndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot + 1 || lastDot == token.Length - 1)
        {
            return DirectLineTokenStatus.Invalid;
        }

        var signingInput = token[..lastDot];
        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));
        if (!TryDecode(token[(lastDot + 1)..], out var signature) || !CryptographicOperations.FixedTimeEquals(signature, expected))
        {
            return DirectLineTokenStatus.Invalid;
        }

        // The header is ours byte for byte; anything else (alg=none, another alg) was not signed by us.
        if (!Encoding.ASCII.GetBytes(token[..firstDot]).AsSpan().SequenceEqual(HeaderSegment)
            || !TryDecode(token[(firstDot + 1)..lastDot], out var payloadBytes))
        {
            return DirectLineTokenStatus.Invalid;
        }

        DirectLineJwtPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(payloadBytes, DirectLineJsonContext.Default.DirectLineJwtPayload);
        }
        catch (JsonException)
        {
            return DirectLineTokenStatus.Invalid;
        }

        var scope = payload?.Scope switch
        {
            "conversation" => DirectLineTokenScope.Conversation,
            "stream" => DirectLineTokenScope.Stream,
            "resume" => DirectLineTokenScope.Resume,
            _ => (DirectLineTokenScope?)null,
        };
        if (payload is null || payload.Issuer != Issuer || scope != expectedScope || !DirectLineIds.IsValidConversationId(payload.Conversation))
        {
            return DirectLineTokenStatus.Invalid;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(payload.Expires, 0, 253_402_300_799));
        if (expiresAt <= _timeProvider.GetUtcNow())
        {
            return DirectLineTokenStatus.Expired;
        }

        claims = new DirectLineTokenClaims(payload.Conversation!, payload.User, payload.Name, scope.Value, expiresAt);
        return DirectLineTokenStatus.Valid;
    }

    private static string Base64UrlEncoder(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    private static bool TryDecode(string segment, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(segment))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(segment);
        return true;
    }
}

using CustomerService.Bot.Channels.DirectLine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineTokenServiceTests
{
    private const string ConversationId = "conv-0123456789";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Validate_FreshConversationToken_ReturnsItsClaims()
    {
        var tokens = Create();
        var token = tokens.IssueConversationToken(ConversationId, "user-1", "Ada");

        var status = tokens.Validate(token, DirectLineTokenScope.Conversation, out var claims);

        Assert.Equal(DirectLineTokenStatus.Valid, status);
        Assert.Equal(ConversationId, claims!.ConversationId);
        Assert.Equal("user-1", claims.UserId);
        Assert.Equal("Ada", claims.UserName);
    }

    [Fact]
    public void Validate_AfterLifetime_IsExpired()
    {
        var tokens = Create();
        var token = tokens.IssueConversationToken(ConversationId, "user-1", null);
        _clock.Advance(TimeSpan.FromMinutes(30));

        var status = tokens.Validate(token, DirectLineTokenScope.Conversation, out _);

        Assert.Equal(DirectLineTokenStatus.Expired, status);
    }

    [Fact]
    public void Validate_StreamTokenUsedForRest_IsInvalid()
    {
        var tokens = Create();
        var token = tokens.IssueStreamToken(ConversationId, "user-1");

        var status = tokens.Validate(token, DirectLineTokenScope.Conversation, out _);

        Assert.Equal(DirectLineTokenStatus.Invalid, status);
    }

    [Fact]
    public void Validate_TokenSignedWithAnotherKey_IsInvalid()
    {
        var token = Create("another-signing-key-0123456789abcdefghij").IssueConversationToken(ConversationId, "user-1", null);

        var status = Create().Validate(token, DirectLineTokenScope.Conversation, out _);

        Assert.Equal(DirectLineTokenStatus.Invalid, status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("...")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJjb252IjoiY29udi0wMTIzNDU2Nzg5In0.")]
    [InlineData("not base64!.not base64!.not base64!")]
    public void Validate_Garbage_IsInvalidWithoutThrowing(string token)
    {
        var status = Create().Validate(token, DirectLineTokenScope.Conversation, out var claims);

        Assert.Equal(DirectLineTokenStatus.Invalid, status);
        Assert.Null(claims);
    }

    [Fact]
    public void Validate_HeaderSwappedToAlgNone_IsInvalid()
    {
        var tokens = Create();
        var parts = tokens.IssueConversationToken(ConversationId, "user-1", null).Split('.');
        var none = Convert.ToBase64String("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var status = tokens.Validate($"{none}.{parts[1]}.{parts[2]}", DirectLineTokenScope.Conversation, out _);

        Assert.Equal(DirectLineTokenStatus.Invalid, status);
    }

    [Theory]
    [InlineData("test-directline-secret-0123456789", true)]
    [InlineData("test-directline-secret-012345678", false)]
    [InlineData("", false)]
    public void IsSecret_ComparesExactly(string candidate, bool expected)
    {
        var isSecret = Create().IsSecret(candidate);

        Assert.Equal(expected, isSecret);
    }

    private DirectLineTokenService Create(string signingKey = BotApplication.SigningKey) =>
        new(
            Options.Create(new DirectLineOptions { Secret = BotApplication.Secret, TokenSigningKey = signingKey }),
            _clock,
            NullLogger<DirectLineTokenService>.Instance);
}

using System.Text;
using CustomerService.Bot.Channels.Slack;
using CustomerService.Bot.Channels.Slack.Signing;
using CustomerService.Testing.Slack;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Bot.Tests.Slack;

public sealed class SlackSignatureVerifierTests
{
    // Slack's worked example from "Verifying requests from Slack" (slack.md §1).
    private const string VectorSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string VectorTimestamp = "1531420618";
    private const string VectorSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string VectorBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly DateTimeOffset VectorTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Verify_PublishedTestVector_IsValid()
    {
        var verifier = Verifier(VectorTime.AddSeconds(30));

        var result = verifier.Verify(VectorTimestamp, VectorSignature, Encoding.UTF8.GetBytes(VectorBody));

        Assert.Equal(SlackSignatureResult.Valid, result);
        Assert.Equal(362, Encoding.UTF8.GetByteCount(VectorBody));
    }

    [Fact]
    public void Compute_PublishedTestVector_MatchesSlacksSignature()
    {
        var body = Encoding.UTF8.GetBytes(VectorBody);

        var ours = SlackSignatureVerifier.Compute(VectorSecret, VectorTimestamp, body);
        var testSigner = SlackRequestSigner.Signature(VectorSecret, VectorTimestamp, body);

        Assert.Equal(VectorSignature, ours);
        Assert.Equal(VectorSignature, testSigner);
    }

    [Fact]
    public void Verify_BodyChangedByOneByte_IsMismatch()
    {
        var verifier = Verifier(VectorTime);
        var body = Encoding.UTF8.GetBytes(VectorBody.Replace("roadrunner", "roadrunnes", StringComparison.Ordinal));

        var result = verifier.Verify(VectorTimestamp, VectorSignature, body);

        Assert.Equal(SlackSignatureResult.Mismatch, result);
    }

    [Fact]
    public void Verify_UppercaseHexSignature_IsValid()
    {
        var verifier = Verifier(VectorTime);

        var result = verifier.Verify(VectorTimestamp, "v0=" + VectorSignature[3..].ToUpperInvariant(), Encoding.UTF8.GetBytes(VectorBody));

        Assert.Equal(SlackSignatureResult.Valid, result);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void Verify_TimestampOutsideFiveMinutes_IsRejectedInBothDirections(int skewSeconds)
    {
        var verifier = Verifier(VectorTime.AddSeconds(skewSeconds));

        var result = verifier.Verify(VectorTimestamp, VectorSignature, Encoding.UTF8.GetBytes(VectorBody));

        Assert.Equal(SlackSignatureResult.OutsideWindow, result);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    public void Verify_TimestampAtWindowEdge_IsValid(int skewSeconds)
    {
        var verifier = Verifier(VectorTime.AddSeconds(skewSeconds));

        var result = verifier.Verify(VectorTimestamp, VectorSignature, Encoding.UTF8.GetBytes(VectorBody));

        Assert.Equal(SlackSignatureResult.Valid, result);
    }

    [Theory]
    [InlineData(null, VectorSignature, "MissingHeaders")]
    [InlineData(VectorTimestamp, null, "MissingHeaders")]
    [InlineData("", "", "MissingHeaders")]
    [InlineData("15314206l8", VectorSignature, "MalformedTimestamp")]
    [InlineData("-1531420618", VectorSignature, "MalformedTimestamp")]
    [InlineData("99999999999999999999", VectorSignature, "MalformedTimestamp")]
    [InlineData(VectorTimestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "UnsupportedVersion")]
    [InlineData(VectorTimestamp, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "UnsupportedVersion")]
    [InlineData(VectorTimestamp, "v0=a2114d57", "Mismatch")]
    [InlineData(VectorTimestamp, "v0=ä2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "Mismatch")]
    public void Verify_BadHeaders_AreRejected(string? timestamp, string? signature, string expected)
    {
        var verifier = Verifier(VectorTime);

        var result = verifier.Verify(timestamp, signature, Encoding.UTF8.GetBytes(VectorBody));

        Assert.Equal(expected, result.ToString());
    }

    [Fact]
    public void Verify_NoSigningSecretConfigured_RejectsEverything()
    {
        var verifier = new SlackSignatureVerifier(Options.Create(new SlackOptions()), new FakeTimeProvider(VectorTime));

        var result = verifier.Verify(VectorTimestamp, VectorSignature, Encoding.UTF8.GetBytes(VectorBody));

        Assert.Equal(SlackSignatureResult.Mismatch, result);
    }

    private static SlackSignatureVerifier Verifier(DateTimeOffset now) =>
        new(Options.Create(new SlackOptions { SigningSecret = VectorSecret }), new FakeTimeProvider(now));
}

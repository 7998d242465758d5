using CustomerService.Core.Privacy;

namespace CustomerService.Core.Tests.Privacy;

public sealed class PiiRedactorTests
{
    private readonly PiiRedactor _redactor = new();

    [Theory]
    [InlineData("my card is 4111 1111 1111 1111 thanks", "my card is [card] thanks")]
    [InlineData("card 4111-1111-1111-1111", "card [card]")]
    [InlineData("mail me at ada.lovelace+shop@example.co.uk please", "mail me at [email] please")]
    [InlineData("call +44 20 7946 0958 tomorrow", "call [phone] tomorrow")]
    [InlineData("my phone is 5551234567", "my phone is [phone]")]
    [InlineData("(555) 123-4567 is my number", "[phone] is my number")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00 OK", "IBAN [iban] OK")]
    [InlineData("GB82WEST12345698765432", "[iban]")]
    public void Redact_PersonalData_IsMasked(string input, string expected)
    {
        Assert.Equal(expected, _redactor.Redact(input));
    }

    [Theory]
    [InlineData("where is order 118273645509214?")]
    [InlineData("order #10042 placed on 2025-02-20")]
    [InlineData("delivered 03/01/2025, invoice 98765")]
    [InlineData("card 4111 1111 1111 1112 is not valid")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 01 has a bad checksum")]
    public void Redact_OrderNumbersDatesAndInvalidNumbers_AreKept(string input)
    {
        Assert.Equal(input, _redactor.Redact(input));
    }

    [Fact]
    public void Redact_LoneSurrogateAndFullWidthDigits_DoesNotThrowAndStillRedacts()
    {
        var text = _redactor.Redact("\ud800 card ４１１１ １１１１ １１１１ １１１１");

        Assert.Equal("\ufffd card [card]", text);
    }

    [Theory]
    [InlineData(50_000, "12 ")]
    [InlineData(20_000, "(1) ")]
    [InlineData(30_000, "a1-")]
    [InlineData(10_000, "x@y.")]
    public void Redact_HugeAdversarialInput_IsProcessedNotDropped(int repeat, string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, repeat)) + " card 4111 1111 1111 1111";

        var redacted = _redactor.Redact(text);

        Assert.NotEqual("[redacted]", redacted);
        Assert.EndsWith("card [card]", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("1234", false)]
    public void IsLuhnValid_Numbers_MatchChecksum(string number, bool valid)
    {
        Assert.Equal(valid, PiiRedactor.IsLuhnValid(number));
    }
}

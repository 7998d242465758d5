using CustomerService.Core.Dialogs;

namespace CustomerService.Core.Tests.Dialogs;

public sealed class SlotValidatorsTests
{
    [Theory]
    [InlineData("ORD-1001", "ORD-1001")]
    [InlineData("it's ord-1001 thanks", "ORD-1001")]
    [InlineData("#10042", "10042")]
    [InlineData("order 118273645509214 please", "118273645509214")]
    public void OrderNumber_ValidAnswers_AreNormalised(string input, string expected)
    {
        Assert.Equal(expected, SlotValidators.ParseOrderNumber(input));
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("12345 or 67890")]
    [InlineData("it arrived on 2025-02-20")]
    [InlineData("123")]
    public void OrderNumber_NoOrAmbiguousNumber_IsRejected(string input)
    {
        Assert.Null(SlotValidators.ParseOrderNumber(input));
    }

    [Theory]
    [InlineData("Yes please!", "yes")]
    [InlineData("nope", "no")]
    [InlineData("maybe", null)]
    public void YesNo_Answers_AreNormalised(string input, string? expected)
    {
        Assert.Equal(expected, SlotValidators.All[SlotValidators.YesNo].Parse(input));
    }
}

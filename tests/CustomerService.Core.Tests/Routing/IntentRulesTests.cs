using CustomerService.Core.Routing;

namespace CustomerService.Core.Tests.Routing;

public sealed class IntentRulesTests
{
    [Theory]
    [InlineData("hi", "Greeting")]
    [InlineData("Hello there!!", "Greeting")]
    [InlineData("ＨＥＬＬＯ 👋", "Greeting")]
    [InlineData("Good morning, team", "Greeting")]
    [InlineData("thanks a lot!", "Thanks")]
    [InlineData("Thank you so much 🙏", "Thanks")]
    [InlineData("bye", "Goodbye")]
    [InlineData("That's all", "Goodbye")]
    [InlineData("agent", "HumanAgent")]
    [InlineData("human please", "HumanAgent")]
    [InlineData("Can I talk to a person?", "HumanAgent")]
    [InlineData("I want a REAL PERSON now", "HumanAgent")]
    [InlineData("never mind", "CancelDialog")]
    public void Match_KnownPhrases_AreRecognised(string text, string expected)
    {
        Assert.Equal(Enum.Parse<RuleMatch>(expected), IntentRules.Match(CustomerText.Clean(text)));
    }

    [Theory]
    [InlineData("hi, where is my order?")]
    [InlineData("the delivery agent left my parcel in the rain")]
    [InlineData("are you a human?")]
    [InlineData("I was charged twice and the courier was late and nobody answered my emails and I am really upset about the agent")]
    [InlineData("")]
    [InlineData("🙂🙂🙂")]
    public void Match_OtherMessages_GoToTheClassifier(string text)
    {
        Assert.Equal(RuleMatch.None, IntentRules.Match(CustomerText.Clean(text)));
    }
}

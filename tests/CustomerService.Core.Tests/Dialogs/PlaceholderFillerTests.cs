using CustomerService.Core.Dialogs;

namespace CustomerService.Core.Tests.Dialogs;

public sealed class PlaceholderFillerTests
{
    private static readonly TemplateValues Values = new([new("Website Name", "shop.example"), new("order_number", "10042")]);

    [Fact]
    public void Fill_KnownPlaceholders_AreReplacedWhateverTheSpelling()
    {
        var text = PlaceholderFiller.Fill("Order {{Order Number}} on {{ website_name }}.", Values.Get);

        Assert.Equal("Order 10042 on shop.example.", text);
    }

    [Fact]
    public void Fill_UnknownPlaceholder_DropsOnlyItsSentence()
    {
        var text = PlaceholderFiller.Fill("Log in to {{Website Name}}. Then press {{Cancel Order}}. Done!", Values.Get);

        Assert.Equal("Log in to shop.example. Done!", text);
    }

    [Fact]
    public void Fill_NumberedListLineWithUnknownPlaceholder_DropsLineAndMarker()
    {
        var text = PlaceholderFiller.Fill("Steps:\n1. Open {{Website Name}}.\n2. Spot the {{Order Details}} section.\n3. Follow the steps.", Values.Get);

        Assert.Equal("Steps:\n1. Open shop.example.\n3. Follow the steps.", text);
    }

    [Fact]
    public void Fill_StrayBraces_DropTheSentence()
    {
        var text = PlaceholderFiller.Fill("Hello there. Your {{Order Number is ready. Bye.", Values.Get);

        Assert.Equal("Hello there. Bye.", text);
    }

    [Fact]
    public void Fill_ValueThatLooksLikeAPlaceholder_IsNotExpandedAgain()
    {
        var values = new TemplateValues([new("customer_name", "{{Website Name}}")]);

        var text = PlaceholderFiller.Fill("Hi {{Customer Name}}.", values.Get);

        Assert.Equal("Hi {{Website Name}}.", text);
    }

    [Fact]
    public void Render_SameConversationAndTurn_PicksSameVariant()
    {
        string[] variants = ["A {{Website Name}}.", "B {{Website Name}}.", "C {{Website Name}}."];

        var first = TemplateRenderer.Render(variants, Values, "conv-1", 3, "track_order/0");
        var again = TemplateRenderer.Render(variants, Values, "conv-1", 3, "track_order/0");

        Assert.Equal(first, again);
    }

    [Fact]
    public void Render_VariantWithUnfillablePlaceholderOnly_FallsBackToAnotherVariant()
    {
        string[] variants = ["{{Unknown}}.", "Visit {{Website Name}}."];

        var texts = Enumerable.Range(0, 20).Select(turn => TemplateRenderer.Render(variants, Values, "conv", turn, "s")).Distinct().ToList();

        Assert.Equal(["Visit shop.example."], texts);
    }

    [Fact]
    public void Clean_GeneratedText_StripsSpecialTokensAndCutOffSentence()
    {
        var text = GeneratedTextFilter.Clean("Sure!<|endoftext|> Visit {{Website Name}} today. And then the", 1200, Values.Get);

        Assert.Equal("Sure! Visit shop.example today.", text);
    }

    [Fact]
    public void Clean_GeneratedTextOnlyUnknownPlaceholders_IsEmpty()
    {
        var text = GeneratedTextFilter.Clean("Press {{Cancel Order}}.", 1200, Values.Get);

        Assert.Equal(string.Empty, text);
    }
}

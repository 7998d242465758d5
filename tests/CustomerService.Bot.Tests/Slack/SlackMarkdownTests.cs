using CustomerService.Bot.Channels.Slack.BlockKit;

namespace CustomerService.Bot.Tests.Slack;

public sealed class SlackMarkdownTests
{
    [Theory]
    [InlineData("<!channel> look", "&lt;!channel&gt; look")]
    [InlineData("<!here|here>", "&lt;!here|here&gt;")]
    [InlineData("<@U123ABC>", "&lt;@U123ABC&gt;")]
    [InlineData("<https://evil.example|Click me>", "&lt;https://evil.example|Click me&gt;")]
    [InlineData("Fish & chips", "Fish &amp; chips")]
    [InlineData("&lt;already&gt;", "&amp;lt;already&amp;gt;")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    public void Escape_SlackControlCharacters_BecomeEntities(string input, string expected)
    {
        var escaped = SlackMarkdown.Escape(input);

        Assert.Equal(expected, escaped);
    }

    [Fact]
    public void Escape_ControlAndBidiCharacters_AreDroppedButEmojiSequencesKept()
    {
        const string family = "👨‍👩‍👧";
        var input = "a\u0000b\u202Ec\u2066d\t" + family + "\n";

        var escaped = SlackMarkdown.Escape(input);

        Assert.Equal("abcd\t" + family + "\n", escaped);
    }

    [Fact]
    public void Truncate_CutInsideEntity_DropsTheWholeEntity()
    {
        var text = new string('a', 8) + "&amp;" + "bbbb";

        var cut = SlackMarkdown.Truncate(text, 11);

        Assert.Equal(new string('a', 8) + "…", cut);
    }

    [Fact]
    public void Truncate_CutInsideSurrogatePair_KeepsValidUtf16()
    {
        var text = "abc" + "😀😀😀";

        var cut = SlackMarkdown.Truncate(text, 5);

        Assert.True(cut.Length <= 5);
        Assert.False(char.IsHighSurrogate(cut[^2]) && !char.IsLowSurrogate(cut[^1]));
        Assert.Equal("abc…", cut);
    }

    [Fact]
    public void Plain_NewlinesAndControls_BecomeSpacesWithinLimit()
    {
        var plain = SlackMarkdown.Plain("Claim\n\u0007now" + new string('x', 200), 75);

        Assert.StartsWith("Claim  now", plain, StringComparison.Ordinal);
        Assert.Equal(75, plain.Length);
    }
}

using CustomerService.Nlu.Generation;

namespace CustomerService.Nlu.Tests.Generation;

public sealed class StopStringMatcherTests
{
    [Fact]
    public void Append_StopStringAcrossPieces_ReleasesOnlyTextBeforeIt()
    {
        var matcher = new StopStringMatcher(GeneratorOptions.DefaultStopStrings);

        var released = string.Concat(matcher.Append("Sure, it ships"), matcher.Append(" today.\n"), matcher.Append("[cust"), matcher.Append("omer] more"));

        Assert.Equal("Sure, it ships today.", released);
        Assert.True(matcher.Stopped);
    }

    [Fact]
    public void Append_PossibleStopPrefix_HeldBackUntilResolved()
    {
        var matcher = new StopStringMatcher(["\n[customer]"]);

        var first = matcher.Append("Done.\n");
        var second = matcher.Append("Next line");

        Assert.Equal("Done.", first);
        Assert.Equal("\nNext line", second);
        Assert.False(matcher.Stopped);
    }

    [Fact]
    public void Flush_HeldBackText_IsReleasedWhenGenerationEnds()
    {
        var matcher = new StopStringMatcher(["\n["]);

        var text = matcher.Append("Bye\n") + matcher.Flush();

        Assert.Equal("Bye\n", text);
    }
}

namespace CustomerService.EndToEnd.Tests;

public sealed class Rfc4180ReaderTests
{
    [Fact]
    public void Read_QuotedFieldsWithCommasNewlinesAndQuotes_KeepsThemInOneField()
    {
        const string Csv = "utterance,intent\r\n\"Hi, I \"\"need\"\"\r\nhelp\",complaint\r\nplain,track_order\n";

        var records = Rfc4180Reader.Read(new StringReader(Csv)).ToList();

        Assert.Equal(3, records.Count);
        Assert.Equal(["Hi, I \"need\"\r\nhelp", "complaint"], records[1]);
        Assert.Equal(["plain", "track_order"], records[2]);
    }

    [Fact]
    public void Read_EmptyFieldsAndNoFinalNewline_AreKept()
    {
        var records = Rfc4180Reader.Read(new StringReader("a,,\"\"\nb,c,d")).ToList();

        Assert.Equal(["a", string.Empty, string.Empty], records[0]);
        Assert.Equal(["b", "c", "d"], records[1]);
    }

    [Theory]
    [InlineData("\"unterminated,field\n")]
    [InlineData("bare\"quote,x\n")]
    [InlineData("\"closed\"junk,x\n")]
    public void Read_MalformedInput_Throws(string csv)
    {
        var read = () => Rfc4180Reader.Read(new StringReader(csv)).ToList();

        Assert.Throws<FormatException>(read);
    }
}

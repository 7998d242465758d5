using System.Text;
using CustomerService.Nlu.Tests.Support;
using CustomerService.Nlu.Tokenization;

namespace CustomerService.Nlu.Tests.Tokenization;

public sealed class Utf8StreamDecoderTests
{
    private static readonly Gpt2Tokenizer Tokenizer = TestModels.Tiny.Tokenizer;

    [Theory]
    [InlineData("Emoji: 😀😃😄 👍🏽 ❤️ 🎉 and a family 👨‍👩‍👧‍👦")]
    [InlineData("日本語のテキストです。中文文本测试。한국어")]
    [InlineData("Flags: 🇺🇸🇬🇧 and 🏳️‍🌈 plus keycap 1️⃣")]
    public void Push_MultiByteCharactersSplitAcrossTokens_EmitsOnlyWholeCharacters(string text)
    {
        var ids = Tokenizer.Encode(text);
        var decoder = new Utf8StreamDecoder(Tokenizer);
        var pieces = new List<string>();

        foreach (var id in ids)
        {
            pieces.Add(decoder.Push(id));
        }

        Assert.True(ids.Count > text.EnumerateRunes().Count() / 2, "text should need several tokens per character");
        Assert.Contains(pieces, p => p.Length == 0);
        foreach (var piece in pieces)
        {
            Assert.DoesNotContain('\uFFFD', piece);
            Assert.True(IsWellFormed(piece), $"piece '{piece}' has a lone surrogate");
        }

        Assert.Equal(text, string.Concat(pieces));
    }

    [Fact]
    public void Flush_IncompleteTrailingCharacter_IsDroppedNotBroken()
    {
        var ids = Tokenizer.Encode("ok 😀");
        var decoder = new Utf8StreamDecoder(Tokenizer);
        var text = new StringBuilder();

        foreach (var id in ids.Take(ids.Count - 1))
        {
            text.Append(decoder.Push(id));
        }

        text.Append(decoder.Flush());

        Assert.Equal("ok ", text.ToString());
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}

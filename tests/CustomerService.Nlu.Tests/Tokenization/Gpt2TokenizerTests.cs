using System.Text;
using System.Text.Json;
using CustomerService.Nlu.Tests.Support;
using CustomerService.Nlu.Tokenization;
using Microsoft.ML.Tokenizers;

namespace CustomerService.Nlu.Tests.Tokenization;

public sealed class Gpt2TokenizerTests
{
    private static readonly Gpt2Tokenizer Tokenizer = TestModels.Tiny.Tokenizer;

    public static TheoryData<int> GoldenCaseIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < GoldenCases().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenCaseIndexes))]
    public void Encode_GoldenCase_MatchesRecipeIds(int index)
    {
        var (text, expected) = GoldenCases()[index];

        var ids = Tokenizer.Encode(text);

        Assert.Equal(expected, ids);
    }

    [Fact]
    public void Encode_TypedEndOfText_IsSevenOrdinaryTokens()
    {
        var ids = Tokenizer.Encode("<|endoftext|>");

        Assert.Equal([27, 91, 437, 1659, 5239, 91, 29], ids);
        Assert.DoesNotContain(Gpt2Tokenizer.EndOfTextId, ids);
    }

    [Fact]
    public void Encode_ModelFolderTokenizerJson_AgreesOnVocabulary()
    {
        // The folder's tokenizer.json (Hugging Face layout) and the packaged GPT-2 data must be one vocabulary.
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestModels.TinyResponderPath, "tokenizer.json")));
        var vocab = document.RootElement.GetProperty("model").GetProperty("vocab");
        var byteDecoder = ByteLevelDecoder();
        var checkedCount = 0;

        foreach (var entry in vocab.EnumerateObject())
        {
            var id = entry.Value.GetInt32();
            if (id == Gpt2Tokenizer.EndOfTextId)
            {
                continue;
            }

            var bytes = entry.Name.Select(c => byteDecoder[c]).ToArray();
            Assert.True(bytes.AsSpan().SequenceEqual(Tokenizer.TokenBytes(id)), $"token {id} differs");
            checkedCount++;
        }

        Assert.Equal(Gpt2Tokenizer.EndOfTextId, checkedCount);
    }

    [Fact]
    public void TokenBytes_CompleteUtf8Tokens_MatchLibraryDecode()
    {
        var library = TiktokenTokenizer.CreateForModel("gpt2");
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);

        for (var id = 0; id < Gpt2Tokenizer.EndOfTextId; id += 7)
        {
            string text;
            try
            {
                text = strict.GetString(Tokenizer.TokenBytes(id));
            }
            catch (DecoderFallbackException)
            {
                continue;
            }

            Assert.Equal(library.Decode([id]), text);
        }
    }

    [Fact]
    public void Decode_EncodedText_RoundTrips()
    {
        const string Text = "Café 😀 order #A1234 — thanks!\n";

        var decoded = Tokenizer.Decode(Tokenizer.Encode(Text));

        Assert.Equal(Text, decoded);
    }

    internal static List<(string Text, int[] Ids)> GoldenCases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestModels.Root, "Fixtures", "tokenizer-golden.json")));
        return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(c =>
            (c.GetProperty("text").GetString()!, c.GetProperty("ids").EnumerateArray().Select(v => v.GetInt32()).ToArray()))];
    }

    // GPT-2's byte-to-unicode table, inverted (the tokenizer.json vocabulary is written in it).
    private static Dictionary<char, byte> ByteLevelDecoder()
    {
        var printable = Enumerable.Range('!', '~' - '!' + 1)
            .Concat(Enumerable.Range('¡', '¬' - '¡' + 1))
            .Concat(Enumerable.Range('®', 'ÿ' - '®' + 1))
            .ToHashSet();
        var map = new Dictionary<char, byte>();
        var next = 0;
        for (var b = 0; b < 256; b++)
        {
            map[printable.Contains(b) ? (char)b : (char)(256 + next++)] = (byte)b;
        }

        return map;
    }
}

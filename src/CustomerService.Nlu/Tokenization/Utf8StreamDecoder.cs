using System.Text;

namespace CustomerService.Nlu.Tokenization;

/// <summary>
/// Turns a stream of token ids into text pieces that are always whole UTF-8: bytes of a character
/// split across tokens (an emoji is often two or three tokens) are held back until it is complete.
/// One instance per generated sequence; not thread-safe.
/// </summary>
internal sealed class Utf8StreamDecoder(Gpt2Tokenizer tokenizer)
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private readonly char[] _chars = new char[64];

    /// <summary>Adds one token; returns the text completed by it (possibly empty).</summary>
    public string Push(int tokenId)
    {
        var bytes = tokenizer.TokenBytes(tokenId);
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        // Decoder keeps an incomplete trailing sequence in its state until the next call completes it.
        var builder = new StringBuilder();
        while (!bytes.IsEmpty)
        {
            var take = Math.Min(bytes.Length, _chars.Length / 2);
            var count = _decoder.GetChars(bytes[..take], _chars, flush: false);
            builder.Append(_chars, 0, count);
            bytes = bytes[take..];
        }

        return builder.ToString();
    }

    /// <summary>Ends the stream. An incomplete trailing character (output cut mid-emoji) is dropped, never sent half.</summary>
    public string Flush()
    {
        _decoder.Reset();
        return string.Empty;
    }
}

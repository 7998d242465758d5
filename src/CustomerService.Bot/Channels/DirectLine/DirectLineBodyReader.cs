using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>
/// Reads a JSON body under a character limit without buffering more than the limit allows, so an
/// oversized post is refused before it is parsed, stored or shown to the bot.
/// </summary>
internal static class DirectLineBodyReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    public static async Task<(DirectLineBodyStatus Status, JsonDocument? Document, string? Problem)> ReadAsync(
        HttpRequest request, int maxCharacters, CancellationToken cancellationToken)
    {
        // UTF-8 needs at most 3 bytes per UTF-16 character, so more bytes than that cannot fit the limit.
        long maxBytes = (long)maxCharacters * 3;
        if (request.ContentLength > maxBytes)
        {
            return (DirectLineBodyStatus.TooLarge, null, null);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var body = new MemoryStream();
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return (DirectLineBodyStatus.TooLarge, null, null);
                }

                body.Write(buffer, 0, read);
            }

            if (body.Length == 0)
            {
                return (DirectLineBodyStatus.Empty, null, null);
            }

            string text;
            try
            {
                text = StrictUtf8.GetString(body.GetBuffer(), 0, (int)body.Length);
            }
            catch (DecoderFallbackException)
            {
                return (DirectLineBodyStatus.Malformed, null, "The request body is not valid UTF-8.");
            }

            if (text.Length > maxCharacters)
            {
                return (DirectLineBodyStatus.TooLarge, null, null);
            }

            try
            {
                return (DirectLineBodyStatus.Ok, JsonDocument.Parse(text, DocumentOptions), null);
            }
            catch (JsonException ex)
            {
                // The parser's position is useful to a developer and says nothing about the content.
                return (DirectLineBodyStatus.Malformed, null, $"The request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

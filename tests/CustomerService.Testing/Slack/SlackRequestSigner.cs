using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CustomerService.Testing.Slack;

/// <summary>
/// Signs requests exactly as Slack does: <c>v0=</c> + hex HMAC-SHA256(signing secret, <c>v0:{timestamp}:{raw body bytes}</c>),
/// sent in <c>X-Slack-Signature</c> with <c>X-Slack-Request-Timestamp</c> (Unix seconds).
/// </summary>
public static class SlackRequestSigner
{
    public static string Signature(string secret, string timestamp, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(body);
        var prefix = Encoding.UTF8.GetBytes("v0:" + timestamp + ":");
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. prefix, .. body]);
        return "v0=" + Convert.ToHexStringLower(hash);
    }

    /// <summary>A signed JSON POST (Events API).</summary>
    public static HttpRequestMessage Json(Uri url, string json, string secret, DateTimeOffset now) =>
        SignedPost(url, Encoding.UTF8.GetBytes(json), "application/json", secret, now);

    /// <summary>A signed form POST carrying <c>payload=&lt;url-encoded json&gt;</c> (interactivity).</summary>
    public static HttpRequestMessage Interaction(Uri url, string payloadJson, string secret, DateTimeOffset now) =>
        SignedPost(url, Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(payloadJson)), "application/x-www-form-urlencoded", secret, now);

    /// <summary>A POST of exactly <paramref name="body"/>, signed over those bytes.</summary>
    public static HttpRequestMessage SignedPost(Uri url, byte[] body, string contentType, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Signature(secret, timestamp, body));
        return request;
    }
}

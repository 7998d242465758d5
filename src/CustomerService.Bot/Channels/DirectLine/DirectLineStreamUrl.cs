using Microsoft.AspNetCore.Http.Extensions;

namespace CustomerService.Bot.Channels.DirectLine;

/// <summary>
/// Builds the absolute ws(s) <c>streamUrl</c>: DLJS opens it as given and does not apply <c>domain</c> to it
/// (§1), so it points back at the host the client reached, with a short-lived stream token in <c>t</c>.
/// </summary>
internal static class DirectLineStreamUrl
{
    public static string Build(HttpRequest request, DirectLineTokenService tokens, string conversationId, string? userId, long watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var query = QueryString.Create(
        [
            new KeyValuePair<string, string?>("t", tokens.IssueStreamToken(conversationId, userId)),
            new KeyValuePair<string, string?>(DirectLineWatermark.QueryName, DirectLineWatermark.Format(watermark)),
        ]);
        var path = request.PathBase.Add($"{DirectLineChannel.RoutePrefix}/conversations/{Uri.EscapeDataString(conversationId)}/stream");
        return UriHelper.BuildAbsolute(scheme, request.Host, path: path, query: query);
    }
}

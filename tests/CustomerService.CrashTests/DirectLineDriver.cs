using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerService.CrashTests;

/// <summary>Direct Line 3.0 as a trusted backend speaks it: tokens from the secret, posts with the conversation token.</summary>
internal sealed class DirectLineDriver(HttpClient http, string secret)
{
    public async Task<(string ConversationId, string Token)> StartAsync(string userId, CancellationToken cancellationToken)
    {
        using var generated = await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", secret, new JsonObject { ["user"] = new JsonObject { ["id"] = userId } }, cancellationToken);
        generated.EnsureSuccessStatusCode();
        var body = await ReadAsync(generated, cancellationToken);
        var conversationId = body["conversationId"]!.GetValue<string>();
        var token = body["token"]!.GetValue<string>();
        using var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", token, new JsonObject { ["user"] = new JsonObject { ["id"] = userId } }, cancellationToken);
        started.EnsureSuccessStatusCode();
        return (conversationId, token);
    }

    /// <summary>Posts a message; the id when the host acknowledged it (200), null for any other outcome.</summary>
    public async Task<string?> PostAsync(string conversationId, string token, string userId, string text, string clientActivityId, CancellationToken cancellationToken)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = userId, ["role"] = "user" },
            ["locale"] = "en-US",
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
        };
        using var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, activity, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        return (await ReadAsync(response, cancellationToken))["id"]?.GetValue<string>();
    }

    /// <summary>Every stored activity of the conversation, paging through the log with the secret.</summary>
    public async Task<List<JsonObject>> ReadAllAsync(string conversationId, CancellationToken cancellationToken)
    {
        var all = new List<JsonObject>();
        var watermark = string.Empty;
        while (true)
        {
            using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={Uri.EscapeDataString(watermark)}", secret, null, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await ReadAsync(response, cancellationToken);
            var page = body["activities"]!.AsArray().OfType<JsonObject>().ToList();
            var next = body["watermark"]?.GetValue<string>() ?? watermark;
            if (page.Count == 0 || next == watermark)
            {
                return all;
            }

            all.AddRange(page);
            watermark = next;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string credential, JsonNode? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request, cancellationToken);
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
}

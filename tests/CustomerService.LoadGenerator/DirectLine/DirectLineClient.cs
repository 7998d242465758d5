using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CustomerService.LoadGenerator.DirectLine;

/// <summary>
/// The REST half of a Direct Line 3.0 client (directline.md §3), shared by all simulated customers.
/// Each call carries its own bearer, so one connection pool serves every conversation.
/// </summary>
internal sealed class DirectLineClient : IDisposable
{
    // Same as DLJS's ajax timeout (§7): a call slower than this is what a browser would give up on.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http;
    private readonly Uri _directLineBase;
    private readonly Uri _origin;

    public DirectLineClient(Uri origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        LoopbackPolicy.EnsureLoopback(origin, "The host URL");
        _origin = origin;
        _directLineBase = new Uri(origin, "/v3/directline/");
        var handler = new SocketsHttpHandler
        {
            // A redirect could lead off this machine, and a proxy from the environment could too.
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        _http = new HttpClient(handler)
        {
            Timeout = RequestTimeout,
            MaxResponseContentBufferSize = 8 * 1024 * 1024,
        };
        _http.DefaultRequestHeaders.Add("x-ms-bot-agent", "DirectLine/3.0 (CustomerService.LoadGenerator)");
    }

    /// <summary><c>POST tokens/generate</c> with the secret: a token scoped to one new conversation id.</summary>
    public Task<ConversationResponse> GenerateTokenAsync(string secret, string userId, CancellationToken cancellationToken) =>
        SendForConversationAsync(
            DirectLineOperation.GenerateToken,
            new Uri(_directLineBase, "tokens/generate"),
            secret,
            new StartConversationRequest { User = new WireAccount { Id = userId } },
            requireStreamUrl: false,
            cancellationToken);

    /// <summary><c>POST</c> to the Web Chat page's same-origin token endpoint, as the page's script would.</summary>
    public Task<ConversationResponse> FetchPageTokenAsync(string path, string userId, CancellationToken cancellationToken) =>
        SendForConversationAsync(
            DirectLineOperation.GenerateToken,
            new Uri(_origin, path),
            bearer: null,
            new StartConversationRequest { User = new WireAccount { Id = userId } },
            requireStreamUrl: false,
            cancellationToken);

    /// <summary><c>POST conversations</c> with the conversation's token; the answer carries a fresh token and the streamUrl.</summary>
    public Task<ConversationResponse> StartConversationAsync(string token, string userId, string locale, bool requireStreamUrl, CancellationToken cancellationToken) =>
        SendForConversationAsync(
            DirectLineOperation.StartConversation,
            new Uri(_directLineBase, "conversations"),
            token,
            new StartConversationRequest { User = new WireAccount { Id = userId }, Locale = locale },
            requireStreamUrl,
            cancellationToken);

    /// <summary><c>POST conversations/{id}/activities</c>; returns the id the server assigned (G5).</summary>
    public async Task<string> PostActivityAsync(string token, string conversationId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ActivitiesUri(conversationId, watermark: null))
        {
            Content = Json(message, DirectLineJsonContext.Default.OutgoingMessage),
        };
        var response = await SendAsync<ResourceResponse>(DirectLineOperation.PostActivity, request, token, DirectLineJsonContext.Default.ResourceResponse, cancellationToken);
        if (string.IsNullOrEmpty(response.Id))
        {
            throw new DirectLineProtocolException("POST activities answered without an id (directline.md G5).");
        }

        return response.Id;
    }

    /// <summary><c>GET conversations/{id}/activities?watermark=</c>, the polling transport.</summary>
    public async Task<ActivitySet> GetActivitiesAsync(string token, string conversationId, string? watermark, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ActivitiesUri(conversationId, watermark ?? string.Empty));
        var set = await SendAsync(DirectLineOperation.GetActivities, request, token, DirectLineJsonContext.Default.ActivitySet, cancellationToken);
        return set.Activities is null
            ? throw new DirectLineProtocolException("GET activities answered without an activities array (directline.md §4).")
            : set;
    }

    public void Dispose() => _http.Dispose();

    // Serialised up front so the request carries Content-Length, as a browser's does, rather than a chunked body.
    private static ByteArrayContent Json<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private Uri ActivitiesUri(string conversationId, string? watermark)
    {
        var path = "conversations/" + Uri.EscapeDataString(conversationId) + "/activities";
        if (watermark is not null)
        {
            path += "?watermark=" + Uri.EscapeDataString(watermark);
        }

        return new Uri(_directLineBase, path);
    }

    private async Task<ConversationResponse> SendForConversationAsync(
        DirectLineOperation operation,
        Uri uri,
        string? bearer,
        StartConversationRequest body,
        bool requireStreamUrl,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = Json(body, DirectLineJsonContext.Default.StartConversationRequest),
        };
        var conversation = await SendAsync(operation, request, bearer, DirectLineJsonContext.Default.ConversationResponse, cancellationToken);
        if (string.IsNullOrEmpty(conversation.ConversationId) || string.IsNullOrEmpty(conversation.Token))
        {
            throw new DirectLineProtocolException($"{operation} answered without conversationId and token (directline.md §3).");
        }

        if (requireStreamUrl && string.IsNullOrEmpty(conversation.StreamUrl))
        {
            throw new DirectLineProtocolException($"{operation} answered without a streamUrl (directline.md §1).");
        }

        return conversation;
    }

    private async Task<T> SendAsync<T>(
        DirectLineOperation operation,
        HttpRequestMessage request,
        string? bearer,
        JsonTypeInfo<T> typeInfo,
        CancellationToken cancellationToken)
        where T : class
    {
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new DirectLineHttpException(operation, response.StatusCode);
        }

        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            // DLJS reads response.id / response.token; an empty 204 breaks it (directline.md §3 notes).
            throw new DirectLineProtocolException($"{operation} answered 204 with no JSON body.");
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken)
                ?? throw new DirectLineProtocolException($"{operation} answered JSON null.");
        }
        catch (JsonException exception)
        {
            throw new DirectLineProtocolException(
                string.Create(CultureInfo.InvariantCulture, $"{operation} answered malformed JSON ({(int)response.StatusCode})."),
                exception);
        }
    }
}

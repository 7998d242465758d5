using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Channels.Slack.WebApi;

/// <summary>
/// Web API client on the named HttpClient <see cref="HttpClientName"/>: JSON bodies with <c>charset=utf-8</c> and a
/// Bearer token (slack.md §3). Retries live in the resilience handler registered with that client; this class checks
/// <c>ok</c>. It is a singleton, so it asks the factory for a client per call (handlers rotate as designed).
/// </summary>
internal sealed class SlackApiClient(IHttpClientFactory httpClientFactory, IOptions<SlackOptions> options, ILogger<SlackApiClient> logger)
    : ISlackApiClient
{
    public const string HttpClientName = "Slack";

    // Slack answers are small; a larger body is not Slack talking.
    private const int MaxResponseBytes = 1024 * 1024;

    private static readonly MediaTypeHeaderValue JsonUtf8 = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    public async Task<SlackMessageRef> PostMessageAsync(ChatPostMessageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await CallAsync("chat.postMessage", request, BotToken(), cancellationToken);
        if (string.IsNullOrEmpty(response.Channel) || string.IsNullOrEmpty(response.Ts))
        {
            throw Fail("chat.postMessage", "invalid_response", null);
        }

        return new SlackMessageRef(response.Channel, response.Ts);
    }

    public async Task UpdateMessageAsync(ChatUpdateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await CallAsync("chat.update", request, BotToken(), cancellationToken);
    }

    public async Task PostEphemeralAsync(ChatPostEphemeralRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await CallAsync("chat.postEphemeral", request, BotToken(), cancellationToken);
    }

    public async Task<SlackIdentity> AuthTestAsync(CancellationToken cancellationToken)
    {
        var response = await CallAsync("auth.test", new { }, BotToken(), cancellationToken);
        if (string.IsNullOrEmpty(response.UserId))
        {
            throw Fail("auth.test", "invalid_response", null);
        }

        return new SlackIdentity(response.UserId, response.BotId, response.TeamId);
    }

    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var token = options.Value.AppToken;
        if (string.IsNullOrEmpty(token))
        {
            throw Fail("apps.connections.open", "no_app_token", null);
        }

        // The app token is accepted only in the header for this method (slack.md §7).
        var response = await CallAsync("apps.connections.open", new { }, token, cancellationToken);
        if (!Uri.TryCreate(response.Url, UriKind.Absolute, out var url) || (url.Scheme != "wss" && url.Scheme != "ws"))
        {
            throw Fail("apps.connections.open", "invalid_response", null);
        }

        return url;
    }

    private string BotToken() => options.Value.BotToken is { Length: > 0 } token
        ? token
        : throw Fail("auth", "no_bot_token", null);

    private async Task<SlackApiResponse> CallAsync<TRequest>(
        string method, TRequest body, string token, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, method);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Content = JsonContent.Create(body, JsonUtf8, SlackJson.Options);

        var httpClient = httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            Log.SlackApiUnreachable(logger, method, ex.HttpRequestError.ToString());
            throw new SlackApiException(method, "network_error", null);
        }
        catch (TimeoutException)
        {
            Log.SlackApiUnreachable(logger, method, "timeout");
            throw new SlackApiException(method, "timeout", null);
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            Log.SlackApiUnreachable(logger, method, "timeout");
            throw new SlackApiException(method, "timeout", null);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var retryAfter = response.Headers.RetryAfter?.Delta;
            var answer = await ReadAsync(response, cancellationToken);
            if (answer is null)
            {
                throw Fail(method, response.IsSuccessStatusCode ? "invalid_response" : $"http_{status}", status, retryAfter);
            }

            if (!answer.Ok)
            {
                throw Fail(method, answer.Error is { Length: > 0 and <= 100 } code && code.All(IsCodeChar) ? code : $"http_{status}", status, retryAfter);
            }

            if (!string.IsNullOrEmpty(answer.Warning))
            {
                Log.SlackApiWarning(logger, method, answer.Warning.Length > 200 ? answer.Warning[..200] : answer.Warning);
            }

            return answer;
        }
    }

    private static async Task<SlackApiResponse?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is > MaxResponseBytes)
        {
            return null;
        }

        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var limited = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (limited.Length + read > MaxResponseBytes)
                {
                    return null;
                }

                limited.Write(buffer, 0, read);
            }

            return limited.Length == 0 ? null : JsonSerializer.Deserialize<SlackApiResponse>(limited.GetBuffer().AsSpan(0, (int)limited.Length), SlackJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private SlackApiException Fail(string method, string code, int? status, TimeSpan? retryAfter = null)
    {
        // Error codes are Slack's short identifiers; they never carry customer text.
        Log.SlackApiError(logger, method, code, status ?? 0);
        return new SlackApiException(method, code, status, retryAfter);
    }

    private static bool IsCodeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace CustomerService.Testing.Slack;

/// <summary>
/// An in-process stand-in for <c>https://slack.com/api/</c>: plug it in as the primary handler of the Slack
/// HttpClient. It records every call, answers like Slack (ok:true with a fresh ts, auth.test identity, a
/// Socket Mode URL) and plays scripted answers first (429 with Retry-After, 5xx, ok:false). Nothing leaves the process.
/// </summary>
public sealed class FakeSlackWebApi : HttpMessageHandler
{
    private readonly ConcurrentQueue<SlackApiCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeSlackResponse>> _scripted = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _ts = 1_700_000_000_000_100;

    public string BotUserId { get; init; } = "UBOT";

    public string BotId { get; init; } = "BBOT";

    public string TeamId { get; init; } = "T0001";

    /// <summary>What apps.connections.open hands out (Socket Mode).</summary>
    public Uri SocketUrl { get; set; } = new("wss://wss-primary.slack.test/link/?ticket=test");

    public IReadOnlyList<SlackApiCall> Calls => [.. _calls];

    /// <summary>Calls to one method that Slack answered with ok:true.</summary>
    public IReadOnlyList<SlackApiCall> Succeeded(string method) => [.. _calls.Where(c => c.Method == method && c.Ok)];

    public IReadOnlyList<SlackApiCall> CallsTo(string method) => [.. _calls.Where(c => c.Method == method)];

    /// <summary>Queues answers for the next calls to <paramref name="method"/>, used in order before the default answer.</summary>
    public void Script(string method, params FakeSlackResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var queue = _scripted.GetOrAdd(method, _ => new ConcurrentQueue<FakeSlackResponse>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }
    }

    /// <summary>Queues answers for the next calls to <paramref name="method"/> that target <paramref name="channel"/> only.</summary>
    public void ScriptFor(string method, string channel, params FakeSlackResponse[] responses) =>
        Script(method + "|" + channel, responses);

    /// <summary>Waits until at least <paramref name="count"/> recorded calls match; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<SlackApiCall>> WaitForAsync(Func<SlackApiCall, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            var found = _calls.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} matching Slack call(s), saw {found.Count}: {string.Join(", ", _calls.Select(c => c.Method))}");
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = request.RequestUri?.Segments.LastOrDefault()?.Trim('/') ?? string.Empty;
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var answer = Scripted(method + "|" + ChannelOf(body)) ?? Scripted(method) ?? Default(method, body);

        var ok = answer.StatusCode == 200 && answer.Body.Contains("\"ok\":true", StringComparison.Ordinal);
        _calls.Enqueue(new SlackApiCall(
            method,
            request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.ToString(),
            body,
            answer.StatusCode,
            ok,
            answer.Body));
        lock (_gate)
        {
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode)
        {
            Content = new StringContent(answer.Body, Encoding.UTF8, answer.Body.StartsWith('<') ? "text/html" : "application/json"),
            RequestMessage = request,
        };
        if (answer.RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    }

    private FakeSlackResponse? Scripted(string key) =>
        _scripted.TryGetValue(key, out var queue) && queue.TryDequeue(out var scripted) ? scripted : null;

    private static string? ChannelOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("channel", out var channel)
                && channel.ValueKind == JsonValueKind.String ? channel.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private FakeSlackResponse Default(string method, string body)
    {
        string? channel = null;
        string? ts = null;
        try
        {
            using var json = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            channel = json.RootElement.TryGetProperty("channel", out var c) ? c.GetString() : null;
            ts = json.RootElement.TryGetProperty("ts", out var t) ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return FakeSlackResponse.Error("invalid_json");
        }
        catch (InvalidOperationException)
        {
            return FakeSlackResponse.Error("invalid_arguments");
        }

        return method switch
        {
            "chat.postMessage" when channel is not null => Json(new { ok = true, channel, ts = NextTs() }),
            "chat.update" when channel is not null && ts is not null => Json(new { ok = true, channel, ts }),
            "chat.postEphemeral" when channel is not null => Json(new { ok = true, message_ts = NextTs() }),
            "auth.test" => Json(new { ok = true, user_id = BotUserId, bot_id = BotId, team_id = TeamId, url = "https://test.slack.test/" }),
            "apps.connections.open" => Json(new { ok = true, url = SocketUrl.AbsoluteUri }),
            "chat.postMessage" or "chat.update" or "chat.postEphemeral" => FakeSlackResponse.Error("channel_not_found"),
            _ => FakeSlackResponse.Error("unknown_method"),
        };
    }

    private string NextTs()
    {
        var value = Interlocked.Increment(ref _ts);
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text[..10] + "." + text[10..];
    }

    private static FakeSlackResponse Json(object body) => new(200, JsonSerializer.Serialize(body));
}

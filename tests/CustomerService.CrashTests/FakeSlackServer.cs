using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace CustomerService.CrashTests;

/// <summary>
/// A Slack Web API on a loopback port (HttpListener), under the test's control: healthy, or failing with 500 and 429.
/// Records every card it accepted, keyed by the escalation id in the message metadata, so duplicates are countable.
/// </summary>
internal sealed class FakeSlackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _cardsByEscalation = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private long _ts = 1_772_443_800_000_000;
    private int _failures;
    private int _calls;

    public FakeSlackServer(int port)
    {
        BaseUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/api/"));
        _listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(_stop.Token));
    }

    public Uri BaseUrl { get; }

    public FakeSlackMode Mode { get; set; } = FakeSlackMode.Failing;

    /// <summary>chat.* calls answered with 500 or 429.</summary>
    public int Failures => Volatile.Read(ref _failures);

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Cards accepted (chat.postMessage with escalation metadata), per escalation id.</summary>
    public IReadOnlyDictionary<string, int> CardsByEscalation => _cardsByEscalation;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the pending GetContextAsync with one of these.
        }

        _listener.Close();
        _stop.Dispose();
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var context = await _listener.GetContextAsync();
            try
            {
                await AnswerAsync(context);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException)
            {
                // The host gave up on the request (its own timeout) or was killed: nothing to answer.
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _calls);
        var method = context.Request.Url?.Segments.LastOrDefault()?.Trim('/') ?? string.Empty;
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        if (method.StartsWith("chat.", StringComparison.Ordinal) && Mode == FakeSlackMode.Failing)
        {
            var failure = Interlocked.Increment(ref _failures);
            if (failure % 2 == 0)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers["Retry-After"] = "1";
                await WriteAsync(context, "{\"ok\":false,\"error\":\"ratelimited\"}");
            }
            else
            {
                context.Response.StatusCode = 500;
                await WriteAsync(context, "{\"ok\":false,\"error\":\"internal_error\"}");
            }

            return;
        }

        using var json = Parse(body);
        var root = json.RootElement;
        var channel = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("channel", out var c) ? c.GetString() : null;
        switch (method)
        {
            case "auth.test":
                await WriteAsync(context, "{\"ok\":true,\"user_id\":\"UCRASHBOT\",\"bot_id\":\"BCRASHBOT\",\"team_id\":\"TCRASH\",\"url\":\"https://crash.slack.test/\"}");
                return;
            case "chat.postMessage":
                if (EscalationIdOf(root) is { } escalationId)
                {
                    _cardsByEscalation.AddOrUpdate(escalationId, 1, (_, n) => n + 1);
                }

                var ts = (Interlocked.Increment(ref _ts) / 1_000_000.0).ToString("F6", CultureInfo.InvariantCulture);
                await WriteAsync(context, JsonSerializer.Serialize(new { ok = true, channel, ts }));
                return;
            case "chat.update":
                var updated = root.TryGetProperty("ts", out var t) ? t.GetString() : null;
                await WriteAsync(context, JsonSerializer.Serialize(new { ok = true, channel, ts = updated }));
                return;
            case "chat.postEphemeral":
                await WriteAsync(context, "{\"ok\":true,\"message_ts\":\"1.1\"}");
                return;
            default:
                await WriteAsync(context, "{\"ok\":false,\"error\":\"unknown_method\"}");
                return;
        }
    }

    private static string? EscalationIdOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("metadata", out var metadata)
        && metadata.TryGetProperty("event_payload", out var payload)
        && payload.TryGetProperty("escalation_id", out var id)
            ? id.GetString()
            : null;

    private static JsonDocument Parse(string body)
    {
        try
        {
            return JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("{}");
        }
    }

    private static async Task WriteAsync(HttpListenerContext context, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}

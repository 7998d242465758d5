using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CustomerService.Bot.Channels.DirectLine;
using CustomerService.Bot.Tests.Agents;
using CustomerService.Bot.Tests.Channels.DirectLine;
using CustomerService.Bot.Tests.Security;
using CustomerService.Testing.Slack;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CustomerService.Bot.Tests.Hostile;

/// <summary>
/// Runs the whole hostile corpus against one in-process host (Direct Line, chat page session, Slack, agent and admin
/// APIs), then checks: no 5xx and every refusal where one is due; no message anyone can see is rendered as HTML or
/// markdown; a canary posted in one conversation appears nowhere else; and the host still serves customers.
/// </summary>
public sealed class HostileCorpusTests : IDisposable
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);
    private static readonly string[] SlackPings = ["<!channel>", "<!here>", "<!everyone>", "<javascript:", "<script"];

    private readonly string _canary = "CANARY-" + Guid.NewGuid().ToString("N")[..12];
    private readonly FakeSlackWebApi _slack = new();
    private readonly ITestOutputHelper _output;
    private readonly BotApplication _app;

    public HostileCorpusTests(ITestOutputHelper output)
    {
        _output = output;
        _app = new BotApplication(
            SecurityTestSettings.Merge(
                SecurityTestSettings.Admin(),
                SecurityTestSettings.Slack(),
                AgentTestOptions.AsConfiguration(),
                new Dictionary<string, string?>
                {
                    // The corpus is about content, not rate: limits high enough that every case reaches its route.
                    ["Security:ConversationMessagesPerMinute"] = "10000",
                    ["Security:ConversationBurst"] = "1000",
                    ["Security:AddressRequestsPerMinute"] = "1000000",
                    ["Security:AddressBurst"] = "100000",
                }),
            services => SecurityTestSettings.UseFakeSlack(services, _slack));
    }

    public void Dispose()
    {
        _app.Dispose();
        _slack.Dispose();
    }

    [Fact]
    public async Task Corpus_AllEndpoints_NoServerErrorNoRenderedHtmlNoCrossConversationLeak()
    {
        // Arrange: a victim who wrote the canary and was escalated and claimed, and an attacker with a valid token.
        await using var victim = await TestCustomer.StartAsync(_app, "victim-user");
        await victim.SayAsync($"{_canary} my card is 4111 1111 1111 1111");
        await victim.EscalateAsync();
        await SecurityTestSettings.DrainOutboxAsync(_app);
        await ClaimWithApiKeyAsync(victim.ConversationId);
        await using var attacker = await TestCustomer.StartAsync(_app, "attacker-user");
        var context = CreateContext(victim, attacker);
        var corpus = HostileCorpus.Build();
        var http = _app.CreateClient();

        // Act: every case, one at a time.
        var results = new List<(HostileCase Case, int Status, string Body, string? ContentType)>();
        foreach (var hostile in corpus)
        {
            using var request = hostile.Build(context);
            using var timeout = new CancellationTokenSource(CaseTimeout);
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            results.Add((hostile, (int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType));
        }

        await SettleAsync(attacker, context);
        await SecurityTestSettings.DrainOutboxAsync(_app);

        // Assert
        Report(results);
        Assert.True(corpus.Count >= 300, $"only {corpus.Count} cases");
        Assert.Equal(corpus.Count, corpus.Select(c => c.ToString()).Distinct().Count());
        var serverErrors = results.Where(r => r.Status >= 500).Select(Describe).ToList();
        Assert.True(serverErrors.Count == 0, "5xx: " + string.Join(" | ", serverErrors));
        var wrong = results.Where(r => !Meets(r.Case.Expect, r.Status)).Select(Describe).ToList();
        Assert.True(wrong.Count == 0, "unexpected status: " + string.Join(" | ", wrong));
        var htmlEchoes = results
            .Where(r => r.ContentType is "text/html" && HostileTexts.ActiveMarkers.Any(m => r.Body.Contains(m, StringComparison.OrdinalIgnoreCase)))
            .Select(Describe).ToList();
        Assert.True(htmlEchoes.Count == 0, "input echoed in an HTML response: " + string.Join(" | ", htmlEchoes));

        await AssertTranscriptsRenderAsPlainTextAsync(victim.ConversationId, attacker.ConversationId);
        AssertSlackPingsNobody();
        await AssertCanaryStaysInItsConversationAsync(victim);
        await AssertHostStillServesAsync();
    }

    private HostileContext CreateContext(TestCustomer victim, TestCustomer attacker)
    {
        var key = Options.Create(new DirectLineOptions { Secret = BotApplication.Secret, TokenSigningKey = BotApplication.SigningKey });
        var past = new DirectLineTokenService(key, new FakeTimeProvider(_app.Clock.GetUtcNow().AddHours(-2)), NullLogger<DirectLineTokenService>.Instance);
        var parts = attacker.Conversation.Token.Split('.');
        var payload = DirectLineTokenTests.DecodePayload(attacker.Conversation.Token);
        payload["conv"] = victim.ConversationId;
        var tampered = $"{parts[0]}.{Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
        var unsigned = $"{Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}"u8.ToArray())}.{Base64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.";
        return new HostileContext
        {
            ConversationId = attacker.ConversationId,
            Token = attacker.Conversation.Token,
            VictimConversationId = victim.ConversationId,
            VictimToken = victim.Conversation.Token,
            ExpiredToken = past.IssueConversationToken(attacker.ConversationId, "attacker-user", null),
            TamperedToken = tampered,
            UnsignedToken = unsigned,
            SlackSigningSecret = SecurityTestSettings.SlackSigningSecret,
            AgentApiKey = AgentTestOptions.ApiKey,
            AdminKey = SecurityTestSettings.AdminKey,
            Now = () => _app.Clock.GetUtcNow(),
        };
    }

    private async Task ClaimWithApiKeyAsync(string conversationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/agent/conversations/{conversationId}/claim") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", AgentTestOptions.ApiKey);
        using var response = await _app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// Turns of one conversation run in order: once a last message is answered, every earlier one is done. Some
    /// hostile texts ask for a human, after which the bot rightly stays silent, so a pending hand-off is resolved
    /// (claim, resolve) before the settling message.
    /// </summary>
    private async Task SettleAsync(TestCustomer attacker, HostileContext context)
    {
        var client = new DirectLineTestClient(_app);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await ResolveIfEscalatedAsync(attacker.ConversationId);
            var id = await client.SendMessageAsync(attacker.ConversationId, attacker.Conversation.Token, $"settle {attempt}: are you still there?", $"settle-{attempt}");
            if (await WaitUntilAsync(async () => (await ReadAllAsync(attacker.ConversationId)).Any(a => IsBotAnswerTo(a, id))))
            {
                break;
            }
        }

        var slackConversation = $"slack:{_slack.TeamId}:{HostileCorpus.HostileSlackChannel}";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await ResolveIfEscalatedAsync(slackConversation);
            var ts = context.NextTs();
            using var settle = SlackRequestSigner.Json(
                new Uri("/api/slack/events", UriKind.Relative),
                Slack.SlackTestHost.MessageEvent(context.NextEventId(), HostileCorpus.HostileSlackChannel, HostileCorpus.HostileSlackUser, "settle", ts),
                SecurityTestSettings.SlackSigningSecret,
                _app.Clock.GetUtcNow());
            using var response = await _app.CreateClient().SendAsync(settle);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (await WaitUntilAsync(() => Task.FromResult(_slack.Calls.Any(c => c.Method == "chat.postMessage" && c.Field("thread_ts") == ts))))
            {
                return;
            }
        }

        Assert.Fail("The hostile conversations never settled: the bot stopped answering.");
    }

    private async Task ResolveIfEscalatedAsync(string conversationId)
    {
        var path = $"/api/agent/conversations/{Uri.EscapeDataString(conversationId)}";
        using var view = await AgentApiAsync(HttpMethod.Get, path);
        if (view.StatusCode == HttpStatusCode.NotFound)
        {
            return;
        }

        var state = JsonNode.Parse(await view.Content.ReadAsStringAsync())!["state"]?.GetValue<string>();
        if (state is "pending")
        {
            using var claimed = await AgentApiAsync(HttpMethod.Post, path + "/claim");
        }

        if (state is "pending" or "agent")
        {
            using var resolved = await AgentApiAsync(HttpMethod.Post, path + "/resolve");
        }
    }

    private Task<HttpResponseMessage> AgentApiAsync(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        request.Headers.Add("X-Api-Key", AgentTestOptions.ApiKey);
        return _app.CreateClient().SendAsync(request);
    }

    private async Task<List<JsonObject>> ReadAllAsync(string conversationId)
    {
        var client = new DirectLineTestClient(_app);
        var all = new List<JsonObject>();
        string? watermark = null;
        while (true)
        {
            var (activities, next) = await client.PollAsync(conversationId, BotApplication.Secret, watermark);
            if (activities.Count == 0 || next == watermark)
            {
                return all;
            }

            all.AddRange(activities.OfType<JsonObject>());
            watermark = next;
        }
    }

    private static bool IsBotAnswerTo(JsonObject activity, string id) =>
        activity["replyToId"]?.GetValue<string>() == id && activity["from"]?["role"]?.GetValue<string>() == "bot" && activity["type"]?.GetValue<string>() == "message";

    /// <summary>Waits (without sleeping the thread) for background turns to make <paramref name="condition"/> true; false after 20 s.</summary>
    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(deadline) > TimeSpan.FromSeconds(20))
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }

        return true;
    }

    private async Task AssertTranscriptsRenderAsPlainTextAsync(params string[] conversationIds)
    {
        foreach (var conversationId in conversationIds)
        {
            foreach (var activity in await ReadAllAsync(conversationId))
            {
                AssertRendersAsText(activity);
            }
        }
    }

    private static void AssertRendersAsText(JsonObject activity)
    {
        if (activity["type"]?.GetValue<string>() != "message")
        {
            return;
        }

        // Web Chat renders markdown (and the HTML markdown allows) unless textFormat is plain.
        var role = activity["from"]?["role"]?.GetValue<string>();
        var text = activity["text"]?.GetValue<string>() ?? string.Empty;
        Assert.True(activity["textFormat"]?.GetValue<string>() == "plain", $"{role} message '{Shorten(text)}' is not plain text");
        foreach (var attachment in activity["attachments"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            var contentType = attachment["contentType"]?.GetValue<string>() ?? string.Empty;
            Assert.False(role == "user" && contentType.Contains("html", StringComparison.OrdinalIgnoreCase), "a customer's HTML attachment reached the transcript");
            Assert.DoesNotContain("javascript:", attachment.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }

        foreach (var action in activity["suggestedActions"]?["actions"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            Assert.DoesNotContain("javascript:", action.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    private void AssertSlackPingsNobody()
    {
        var pinging = _slack.Calls
            .Where(c => c.Method.StartsWith("chat.", StringComparison.Ordinal))
            .Where(c => SlackPings.Any(p => c.Text.Contains(p, StringComparison.OrdinalIgnoreCase)))
            .Select(c => $"{c.Method} to {c.Field("channel")}: {Shorten(c.Text)}")
            .ToList();
        Assert.True(pinging.Count == 0, "Slack message with a live ping or link from customer text: " + string.Join(" | ", pinging));
    }

    /// <summary>Every stored row and every Slack message that holds the canary belongs to the victim's conversation.</summary>
    private async Task AssertCanaryStaysInItsConversationAsync(TestCustomer victim)
    {
        var victimCustomerId = await new AdminTestClient(_app).CustomerIdOfAsync(victim.UserId);
        var connectionString = _app.Services.GetRequiredService<IConfiguration>().GetConnectionString("CustomerService")!;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var victimIds = new HashSet<string>(StringComparer.Ordinal) { victim.ConversationId, victimCustomerId };
        await using (var escalations = connection.CreateCommand())
        {
            escalations.CommandText = "SELECT Id FROM Escalations WHERE ConversationId = $c";
            escalations.Parameters.AddWithValue("$c", victim.ConversationId);
            await using var reader = await escalations.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                victimIds.Add(reader.GetString(0));
            }
        }

        var leaks = new List<string>();
        var scanned = 0;
        foreach (var table in await TablesAsync(connection))
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                scanned++;
                var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty).ToList();
                if (values.Any(v => v.Contains(_canary, StringComparison.Ordinal)) && !values.Any(v => victimIds.Any(id => v.Contains(id, StringComparison.Ordinal))))
                {
                    leaks.Add($"{table}: {Shorten(string.Join(" ; ", values))}");
                }
            }
        }

        leaks.AddRange(_slack.Calls
            .Where(c => c.Body.Contains(_canary, StringComparison.Ordinal) && !victimIds.Any(id => c.Body.Contains(id, StringComparison.Ordinal)))
            .Select(c => $"slack {c.Method}: {Shorten(c.Text)}"));
        _output.WriteLine($"canary scan: {scanned} stored rows and {_slack.Calls.Count} Slack calls, {leaks.Count} outside the victim's conversation");
        Assert.True(leaks.Count == 0, "canary leaked: " + string.Join(" | ", leaks));
    }

    private async Task AssertHostStillServesAsync()
    {
        using var health = await _app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await using var newcomer = await TestCustomer.StartAsync(_app);
        await newcomer.SayAsync("hello after the storm");
    }

    private void Report(List<(HostileCase Case, int Status, string Body, string? ContentType)> results)
    {
        _output.WriteLine($"hostile corpus: {results.Count} requests, {results.Count(r => r.Status < 300)} 2xx, {results.Count(r => r.Status is >= 400 and < 500)} 4xx, {results.Count(r => r.Status >= 500)} 5xx");
        foreach (var target in results.GroupBy(r => r.Case.Target).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"  {target.Key}: {target.Count()} ({Statuses(target)})");
        }

        foreach (var family in results.GroupBy(r => r.Case.Family).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"    {family.Key}: {family.Count()} ({Statuses(family)})");
        }
    }

    private static string Statuses(IEnumerable<(HostileCase Case, int Status, string Body, string? ContentType)> results) =>
        string.Join(", ", results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));

    private static bool Meets(HostileExpectation expect, int status) => expect switch
    {
        HostileExpectation.Accepted => status is >= 200 and < 300,
        HostileExpectation.Refused => status is >= 400 and < 500,
        _ => status < 500,
    };

    private static string Describe((HostileCase Case, int Status, string Body, string? ContentType) result) =>
        $"{result.Case} -> {result.Status} {Shorten(result.Body)}";

    private static async Task<List<string>> TablesAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerService.CrashTests;

/// <summary>
/// The reliability run of issue 6: start the host on a temp SQLite file with Slack failing, drive concurrent Direct
/// Line conversations (some asking for a human), SIGKILL the host mid-load, restart it on the same file, then check
/// that every acknowledged message is stored, every committed escalation reaches Slack exactly once once Slack
/// recovers, and nothing was escalated twice.
/// </summary>
internal sealed class CrashTestRun(CrashTestSettings settings, TextWriter output)
{
    private const string HumanPlease = "I want to talk to a human please";

    private static readonly string[] Script =
    [
        "hello",
        "where is my order ORD-1001?",
        "thanks",
        "can I change my delivery address?",
        "what is your refund policy?",
        "do you ship to Canada?",
        "I have a problem with my invoice",
        "ok, goodbye",
    ];

    private readonly string _secret = "crash-directline-secret-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private readonly string _agentKey = "crash-agent-key-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public async Task<CrashReport> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var report = new CrashReport { Conversations = settings.Conversations };
        var work = Directory.CreateTempSubdirectory("cs-crash-");
        report.WorkFolder = work.FullName;
        var database = Path.Combine(work.FullName, "crash.db");
        var hostLog = Path.Combine(work.FullName, "host.log");
        await using var slack = new FakeSlackServer(FreePort()) { Mode = FakeSlackMode.Failing };
        var environment = HostEnvironment(database, slack.BaseUrl);
        output.WriteLine($"work folder {work.FullName} (host log: host.log); Slack fake at {slack.BaseUrl} is failing (500/429)");

        // Phase 1: load, then SIGKILL.
        var acknowledged = new ConcurrentBag<AcknowledgedMessage>();
        var conversations = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        // Ready (models warm) before the load, so turns run and escalations commit while the load goes on.
        await using (var first = await BotProcess.StartAsync(settings, LoopbackUrl(), environment, hostLog, "/readyz", cancellationToken))
        {
            output.WriteLine($"host ready at {first.BaseUrl} after {clock.Elapsed.TotalSeconds:F0} s; driving {settings.Conversations} conversations");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var http = Client(first.BaseUrl);
            var driver = new DirectLineDriver(http, _secret);
            var load = Enumerable.Range(0, settings.Conversations)
                .Select(i => DriveAsync(driver, i, acknowledged, conversations, stop.Token))
                .ToList();

            var loadClock = Stopwatch.StartNew();
            while (loadClock.Elapsed < settings.LoadBeforeKill && acknowledged.Count < settings.KillAfterAcknowledged)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }

            report.AcknowledgedAtKill = acknowledged.Count;
            await first.KillAsync();
            output.WriteLine($"SIGKILL after {loadClock.Elapsed.TotalSeconds:F1} s of load with {report.AcknowledgedAtKill} messages acknowledged");
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        // Phase 2: restart on the same file; Slack still failing for a while, then healthy.
        await using var second = await BotProcess.StartAsync(settings, LoopbackUrl(), environment, hostLog, "/readyz", cancellationToken);
        output.WriteLine($"host restarted at {second.BaseUrl}");
        using var client = Client(second.BaseUrl);
        var reader = new DirectLineDriver(client, _secret);
        var acked = acknowledged.ToList();
        report.Acknowledged = acked.Count;

        // The restarted host answers the messages the kill left unanswered; give those turns time to run.
        var transcripts = await ReadTranscriptsAsync(reader, conversations.Keys, cancellationToken);
        var settle = Stopwatch.StartNew();
        while (CountUnanswered(acked, transcripts) > 0 && settle.Elapsed < settings.ResumeTimeout)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            transcripts = await ReadTranscriptsAsync(reader, conversations.Keys, cancellationToken);
        }

        output.WriteLine($"transcripts read {settle.Elapsed.TotalSeconds:F0} s after the restart was ready");

        CheckStored(report, acked, transcripts);
        var escalations = await PendingEscalationsAsync(client, cancellationToken);
        CheckEscalations(report, acked, transcripts, escalations);

        await Task.Delay(settings.SlackOutageAfterRestart, cancellationToken);
        report.SlackFailuresServed = slack.Failures;
        slack.Mode = FakeSlackMode.Healthy;
        output.WriteLine($"Slack healthy again after {slack.Failures} failed calls; waiting for the outbox");
        await WaitForCardsAsync(slack, escalations.Select(e => e.EscalationId).ToList(), cancellationToken);

        // Give a duplicate every chance to show: several more outbox polls after the last card.
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        CheckCards(report, slack, escalations);
        report.Wal = SqliteFileHeader.IsWal(database);
        report.ResumedAtRestart = ResumedTurns(hostLog);
        report.Elapsed = clock.Elapsed;
        report.Evaluate();
        return report;
    }

    private async Task DriveAsync(
        DirectLineDriver driver,
        int index,
        ConcurrentBag<AcknowledgedMessage> acknowledged,
        ConcurrentDictionary<string, bool> conversations,
        CancellationToken cancellationToken)
    {
        var userId = string.Create(CultureInfo.InvariantCulture, $"crash-user-{index:D3}");
        var escalating = index % settings.EscalatingEvery == 0;
        try
        {
            var (conversationId, token) = await driver.StartAsync(userId, cancellationToken);
            conversations[conversationId] = escalating;
            for (var turn = 0; !cancellationToken.IsCancellationRequested; turn++)
            {
                // Escalating customers ask for a human first, like an impatient customer does. The texts are what customers
                // type, nothing appended: a marker like " (#3)" made the classifier call most of them out of scope, every
                // conversation was handed to a human, and the restarted host had no bot-owned turn left to resume.
                var text = escalating && turn == 0 ? HumanPlease : Script[turn % Script.Length];
                var clientId = string.Create(CultureInfo.InvariantCulture, $"{userId}-{turn}");
                var id = await driver.PostAsync(conversationId, token, userId, text, clientId, cancellationToken);
                if (id is not null)
                {
                    acknowledged.Add(new AcknowledgedMessage(conversationId, id, clientId, text));
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(150, 600)), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            // The kill (or the end of the load phase) cut this conversation off: what was acknowledged is recorded.
        }
    }

    private static async Task<Dictionary<string, List<JsonObject>>> ReadTranscriptsAsync(
        DirectLineDriver reader, IEnumerable<string> conversationIds, CancellationToken cancellationToken)
    {
        var transcripts = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        foreach (var conversationId in conversationIds)
        {
            transcripts[conversationId] = await reader.ReadAllAsync(conversationId, cancellationToken);
        }

        return transcripts;
    }

    private static int CountUnanswered(List<AcknowledgedMessage> acked, Dictionary<string, List<JsonObject>> transcripts)
    {
        var probe = new CrashReport();
        CheckStored(probe, acked, transcripts);
        return probe.BotConversationMessages - probe.Answered;
    }

    // The restarted host logs how many unanswered messages it picked up (event 4014, Warning, so it is in host.log).
    private static int ResumedTurns(string hostLog)
    {
        // The running host still appends to the file.
        using var reader = new StreamReader(new FileStream(hostLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd()
            .Split('\n')
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"Answering (\d+) customer messages the previous run acknowledged"))
            .Where(m => m.Success)
            .Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static int LastBotOwnedPosition(List<JsonObject> transcript)
    {
        var handoff = transcript.Find(a => a["name"]?.GetValue<string>() == "handoff.initiate");
        if (handoff is null)
        {
            return int.MaxValue;
        }

        var escalating = handoff["replyToId"]?.GetValue<string>();
        var position = transcript.FindIndex(a => a["id"]?.GetValue<string>() == escalating);
        return position >= 0 ? position : transcript.IndexOf(handoff) - 1;
    }

    private static void CheckStored(CrashReport report, List<AcknowledgedMessage> acked, Dictionary<string, List<JsonObject>> transcripts)
    {
        var ackedIds = acked.Select(a => a.ActivityId).ToHashSet(StringComparer.Ordinal);
        foreach (var message in acked)
        {
            var transcript = transcripts.GetValueOrDefault(message.ConversationId) ?? [];
            var position = transcript.FindIndex(a => a["id"]?.GetValue<string>() == message.ActivityId);
            var stored = position >= 0 ? transcript[position] : null;
            if (stored is null
                || stored["text"]?.GetValue<string>() != message.Text
                || stored["channelData"]?["clientActivityID"]?.GetValue<string>() != message.ClientActivityId)
            {
                report.Missing.Add($"{message.ConversationId}/{message.ActivityId}");
                continue;
            }

            report.Stored++;

            // The bot owes an answer to every message up to the one whose turn handed off; after that a human owns
            // the conversation and the bot rightly stays silent, even for messages stored before the hand-off committed.
            if (position <= LastBotOwnedPosition(transcript))
            {
                report.BotConversationMessages++;
                report.Answered += transcript.Any(a => a["replyToId"]?.GetValue<string>() == message.ActivityId && a["type"]?.GetValue<string>() == "message") ? 1 : 0;
            }
        }

        report.StoredUnacknowledged = transcripts.Values
            .SelectMany(t => t)
            .Count(a => a["from"]?["role"]?.GetValue<string>() == "user" && a["type"]?.GetValue<string>() == "message" && !ackedIds.Contains(a["id"]!.GetValue<string>()));
    }

    private static void CheckEscalations(
        CrashReport report,
        List<AcknowledgedMessage> acked,
        Dictionary<string, List<JsonObject>> transcripts,
        List<(string EscalationId, string ConversationId)> escalations)
    {
        var requested = acked.Where(a => a.Text == HumanPlease).Select(a => a.ConversationId).ToHashSet(StringComparer.Ordinal);
        report.EscalationRequestsAcknowledged = requested.Count;
        report.Escalations = escalations.Count;
        report.DuplicateEscalations = escalations.GroupBy(e => e.ConversationId, StringComparer.Ordinal).Count(g => g.Count() > 1);
        report.EscalationTurnsLostInKill = requested.Count(c => escalations.All(e => e.ConversationId != c));

        // The escalation row and the turn's handoff.initiate event commit in one transaction: both or neither.
        report.EscalationsWithoutHandoffEvent = escalations.Count(e =>
            !transcripts.TryGetValue(e.ConversationId, out var transcript)
            || !transcript.Any(a => a["name"]?.GetValue<string>() == "handoff.initiate"));
        report.EscalationsWithoutHandoffEvent += transcripts.Count(t =>
            t.Value.Any(a => a["name"]?.GetValue<string>() == "handoff.initiate") && escalations.All(e => e.ConversationId != t.Key));
    }

    private async Task<List<(string EscalationId, string ConversationId)>> PendingEscalationsAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/agent/queue?view=pending&limit=200");
        request.Headers.Add("X-Api-Key", _agentKey);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        return body["items"]!.AsArray().OfType<JsonObject>()
            .Select(i => (i["escalationId"]!.GetValue<string>(), i["conversationId"]!.GetValue<string>()))
            .ToList();
    }

    private async Task WaitForCardsAsync(FakeSlackServer slack, List<string> escalationIds, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < settings.DeliveryTimeout && !escalationIds.All(slack.CardsByEscalation.ContainsKey))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        output.WriteLine($"outbox delivered {slack.CardsByEscalation.Count} of {escalationIds.Count} cards {waited.Elapsed.TotalSeconds:F1} s after Slack recovered");
    }

    private static void CheckCards(CrashReport report, FakeSlackServer slack, List<(string EscalationId, string ConversationId)> escalations)
    {
        var cards = slack.CardsByEscalation;
        var known = escalations.Select(e => e.EscalationId).ToHashSet(StringComparer.Ordinal);
        report.CardsDelivered = cards.Values.Sum();
        report.CardDuplicates = cards.Values.Sum(n => Math.Max(0, n - 1));
        report.EscalationsUndelivered = known.Count(id => !cards.ContainsKey(id));
        report.UnknownCards = cards.Keys.Count(id => !known.Contains(id));
    }

    private Dictionary<string, string> HostEnvironment(string database, Uri slackApi) => new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__CustomerService"] = "Data Source=" + database,
        ["DirectLine__Secret"] = _secret,

        // A fixed signing key, so tokens minted before the kill still verify after the restart.
        ["DirectLine__TokenSigningKey"] = "crash-test-signing-key-0123456789abcdef0123",
        ["Slack__Enabled"] = "true",
        ["Slack__SigningSecret"] = "crash-test-slack-signing-secret",
        ["Slack__BotToken"] = "xoxb-crash-test",
        ["Slack__EscalationChannel"] = "C0CRASH",
        ["Slack__ApiBaseUrl"] = slackApi.ToString(),
        ["Slack__AgentPageBaseUrl"] = "http://127.0.0.1/",

        // Failures go straight back to the outbox, whose backoff (1 s doubling to 5 s) is what is under test.
        ["Slack__MaxRetryAttempts"] = "0",
        ["Escalation__OutboxPollInterval"] = "00:00:01",
        ["Outbox__BaseRetryDelay"] = "00:00:01",
        ["Outbox__MaxRetryDelay"] = "00:00:05",
        ["Outbox__MaxAttempts"] = "10000",
        ["Agents__ApiKeys__0__Name"] = "crash-test",
        ["Agents__ApiKeys__0__KeyHash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_agentKey))),

        // All conversations come from one address here; the per-address limit is not what this run measures.
        ["Security__AddressRequestsPerMinute"] = "1000000",
        ["Security__AddressBurst"] = "100000",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    };

    private static HttpClient Client(Uri baseUrl) => new(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 256 })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static Uri LoopbackUrl() => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

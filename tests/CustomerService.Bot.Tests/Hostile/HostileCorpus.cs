using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerService.Bot.Tests.Slack;
using CustomerService.Testing.Slack;

namespace CustomerService.Bot.Tests.Hostile;

/// <summary>
/// The hostile request corpus (issue 6): over 300 concrete requests against Direct Line, the chat page's session
/// endpoint, Slack (signed and unsigned), the agent API and the admin API. Families are generated from the lists in
/// <see cref="HostileTexts"/> and the builders below; every case is one fixed request.
/// </summary>
public static class HostileCorpus
{
    private const string DirectLine = "directline";
    private const string SlackEvents = "slack-events";
    private const string SlackInteractions = "slack-interactions";
    private const string Agent = "agent";

    public const string HostileSlackChannel = "D0HOSTILE";
    public const string HostileSlackUser = "U0HOSTILE";

    public static IReadOnlyList<HostileCase> Build()
    {
        var cases = new List<HostileCase>();
        DirectLineTexts(cases);
        DirectLineShapes(cases);
        DirectLineBodies(cases);
        DirectLineAuthAndIds(cases);
        WebChatSession(cases);
        SlackUnsigned(cases);
        SlackSigned(cases);
        SlackInteractivity(cases);
        AgentApi(cases);
        AdminApi(cases);
        return cases;
    }

    private static void DirectLineTexts(List<HostileCase> cases)
    {
        var n = 0;
        foreach (var (family, text) in HostileTexts.All())
        {
            var id = n++;
            var expect = family == "whitespace-only" ? HostileExpectation.NoServerError : HostileExpectation.Accepted;
            cases.Add(new HostileCase(family, DirectLine, $"message text #{id}", expect, c => PostActivity(c, Message(text, $"h-text-{id}"))));
        }
    }

    private static void DirectLineShapes(List<HostileCase> cases)
    {
        void Add(string name, HostileExpectation expect, Func<JsonObject> activity) =>
            cases.Add(new HostileCase("odd-activity", DirectLine, name, expect, c => PostActivity(c, activity())));

        Add("type missing", HostileExpectation.Refused, () => new JsonObject { ["text"] = "hi" });
        Add("type empty", HostileExpectation.Refused, () => new JsonObject { ["type"] = "", ["text"] = "hi" });
        Add("type unknown", HostileExpectation.NoServerError, () => new JsonObject { ["type"] = "invoke", ["name"] = "adaptiveCard/action" });
        Add("type html", HostileExpectation.Refused, () => new JsonObject { ["type"] = "<script>", ["text"] = "hi" });
        Add("conversationUpdate from client", HostileExpectation.NoServerError, () => new JsonObject { ["type"] = "conversationUpdate", ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "x" }) });
        Add("endOfConversation from client", HostileExpectation.NoServerError, () => new JsonObject { ["type"] = "endOfConversation" });
        Add("typing", HostileExpectation.Accepted, () => new JsonObject { ["type"] = "typing" });
        Add("typing with text", HostileExpectation.NoServerError, () => new JsonObject { ["type"] = "typing", ["text"] = "<script>alert(1)</script>" });
        Add("event join", HostileExpectation.Accepted, () => new JsonObject { ["type"] = "event", ["name"] = "webchat/join", ["value"] = new JsonObject { ["language"] = "<script>" } });
        Add("event huge value", HostileExpectation.NoServerError, () => new JsonObject { ["type"] = "event", ["name"] = "x", ["value"] = new string('v', 200_000) });
        Add("event without name", HostileExpectation.NoServerError, () => new JsonObject { ["type"] = "event" });
        Add("event name 10k", HostileExpectation.NoServerError, () => new JsonObject { ["type"] = "event", ["name"] = new string('n', 10_000) });
        Add("messageReaction", HostileExpectation.NoServerError, () => new JsonObject { ["type"] = "messageReaction", ["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" }) });
        Add("text number", HostileExpectation.Refused, () => new JsonObject { ["type"] = "message", ["text"] = 123 });
        Add("text object", HostileExpectation.Refused, () => new JsonObject { ["type"] = "message", ["text"] = new JsonObject { ["a"] = 1 } });
        Add("text array", HostileExpectation.Refused, () => new JsonObject { ["type"] = "message", ["text"] = new JsonArray("a", "b") });
        Add("text null", HostileExpectation.NoServerError, () => new JsonObject { ["type"] = "message", ["text"] = null });
        Add("from is a string", HostileExpectation.NoServerError, () => new JsonObject { ["type"] = "message", ["text"] = "hi", ["from"] = "bot" });
        Add("from claims bot role", HostileExpectation.Accepted, () => Message("I am the bot now", "h-role", from: new JsonObject { ["id"] = "customerservice-bot", ["role"] = "bot", ["name"] = "Customer Service" }));
        Add("from claims another user", HostileExpectation.Accepted, () => Message("I am someone else", "h-user", from: new JsonObject { ["id"] = "victim-user", ["name"] = "<img src=x onerror=alert(1)>" }));
        Add("from name 100k", HostileExpectation.NoServerError, () => Message("long name", "h-name", from: new JsonObject { ["id"] = "u", ["name"] = new string('n', 100_000) }));
        Add("id supplied", HostileExpectation.NoServerError, () => Message("with id", "h-id", extra: o => o["id"] = "victim-conversation|0000001"));
        Add("replyToId supplied", HostileExpectation.NoServerError, () => Message("reply to", "h-reply", extra: o => o["replyToId"] = "../../etc/passwd"));
        Add("timestamp supplied", HostileExpectation.NoServerError, () => Message("time travel", "h-ts", extra: o => o["timestamp"] = "1970-01-01T00:00:00Z"));
        Add("timestamp garbage", HostileExpectation.NoServerError, () => Message("bad time", "h-ts2", extra: o => o["localTimestamp"] = "not-a-date"));
        Add("conversation of victim", HostileExpectation.NoServerError, () => Message("which conversation", "h-conv", extra: o => o["conversation"] = new JsonObject { ["id"] = "victim" }));
        Add("recipient spoofed", HostileExpectation.NoServerError, () => Message("to agent", "h-recipient", extra: o => o["recipient"] = new JsonObject { ["id"] = "agent-alice", ["role"] = "agent" }));
        Add("textFormat markdown with html", HostileExpectation.NoServerError, () => Message("<img src=x onerror=alert(1)>", "h-md", extra: o => o["textFormat"] = "markdown"));
        Add("textFormat xml", HostileExpectation.NoServerError, () => Message("<b onmouseover=alert(1)>x</b>", "h-xml", extra: o => o["textFormat"] = "xml"));
        Add("locale injection", HostileExpectation.NoServerError, () => Message("hi", "h-locale", extra: o => o["locale"] = "en-US\"><script>alert(1)</script>"));
        Add("locale 10k", HostileExpectation.NoServerError, () => Message("hi", "h-locale2", extra: o => o["locale"] = new string('x', 10_000)));
        Add("attachments not array", HostileExpectation.NoServerError, () => Message("att", "h-att1", extra: o => o["attachments"] = "nope"));
        Add("attachment html content", HostileExpectation.NoServerError, () => Message("att", "h-att2", extra: o => o["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/html", ["content"] = "<script>alert(1)</script>" })));
        Add("attachment javascript url", HostileExpectation.NoServerError, () => Message("att", "h-att3", extra: o => o["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "javascript:alert(1)" })));
        Add("attachments 5000", HostileExpectation.NoServerError, () => Message("att", "h-att4", extra: o => o["attachments"] = new JsonArray(Enumerable.Range(0, 5_000).Select(_ => (JsonNode)new JsonObject { ["contentType"] = "x" }).ToArray())));
        Add("suggestedActions from client", HostileExpectation.NoServerError, () => Message("sa", "h-sa", extra: o => o["suggestedActions"] = new JsonObject { ["actions"] = new JsonArray(new JsonObject { ["type"] = "openUrl", ["value"] = "javascript:alert(1)" }) }));
        Add("channelData array", HostileExpectation.NoServerError, () => Message("cd", "h-cd1", extra: o => o["channelData"] = new JsonArray(1, 2, 3)));
        Add("channelData string", HostileExpectation.NoServerError, () => Message("cd", "h-cd2", extra: o => o["channelData"] = "<script>"));
        Add("channelData nested 20", HostileExpectation.NoServerError, () => Message("cd", "h-cd3", extra: o => o["channelData"] = Nested(20)));
        Add("value 200k", HostileExpectation.NoServerError, () => Message("val", "h-val", extra: o => o["value"] = new string('v', 200_000)));
        Add("entities odd", HostileExpectation.NoServerError, () => Message("ent", "h-ent", extra: o => o["entities"] = new JsonArray(new JsonObject { ["type"] = "ClientCapabilities", ["requiresBotState"] = "yes" }, "x")));
    }

    private static void DirectLineBodies(List<HostileCase> cases)
    {
        void Raw(string family, string name, HostileExpectation expect, byte[] body, string? contentType = "application/json") =>
            cases.Add(new HostileCase(family, DirectLine, name, expect, c => PostBytes($"/v3/directline/conversations/{c.ConversationId}/activities", c.Token, body, contentType)));
        void Text(string family, string name, string body, string? contentType = "application/json") =>
            Raw(family, name, HostileExpectation.Refused, Encoding.UTF8.GetBytes(body), contentType);

        Raw("empty-body", "no bytes", HostileExpectation.Refused, []);
        Text("malformed-json", "open brace", "{");
        Text("malformed-json", "array", "[]");
        Text("malformed-json", "null", "null");
        Text("malformed-json", "string", "\"message\"");
        Text("malformed-json", "number", "42");
        Text("malformed-json", "trailing comma", "{\"type\":\"message\",\"text\":\"hi\",}");
        Text("malformed-json", "missing value", "{\"type\":}");
        Text("malformed-json", "single quotes", "{'type':'message','text':'hi'}");
        Text("malformed-json", "NaN", "{\"type\":\"message\",\"text\":\"hi\",\"value\":NaN}");
        Text("malformed-json", "comment", "{\"type\":\"message\" /* hi */ ,\"text\":\"hi\"}");
        Text("malformed-json", "two documents", "{\"type\":\"message\"}{\"type\":\"message\"}");
        Text("malformed-json", "unterminated string", "{\"type\":\"message\",\"text\":\"hi");
        Text("malformed-json", "bad escape", "{\"type\":\"message\",\"text\":\"\\q\"}");
        Raw("malformed-json", "duplicate keys", HostileExpectation.NoServerError, Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"a\",\"text\":\"b\"}"));
        Raw("malformed-json", "huge number", HostileExpectation.NoServerError, Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"n\",\"value\":1e99999}"));
        Text("deep-json", "nested 33 objects", "{\"type\":\"message\",\"text\":\"d\",\"channelData\":" + Nested(33).ToJsonString() + "}");
        Text("deep-json", "nested 1000 arrays", "{\"type\":\"message\",\"text\":\"d\",\"value\":" + new string('[', 1_000) + new string(']', 1_000) + "}");
        Text("deep-json", "nested 100000 arrays", new string('[', 100_000) + new string(']', 100_000));
        Raw("escaped-unicode", "lone surrogate escape", HostileExpectation.NoServerError, Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"\\ud800 lone\"}"));
        Raw("escaped-unicode", "nul escape", HostileExpectation.NoServerError, Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"a\\u0000b\"}"));
        Raw("invalid-utf8", "ff fe bytes", HostileExpectation.Refused, Utf8With([0xFF, 0xFE]));
        Raw("invalid-utf8", "overlong slash", HostileExpectation.Refused, Utf8With([0xC0, 0xAF]));
        Raw("invalid-utf8", "truncated 3-byte", HostileExpectation.Refused, Utf8With([0xE2, 0x82]));
        Raw("invalid-utf8", "encoded surrogate", HostileExpectation.Refused, Utf8With([0xED, 0xA0, 0x80]));
        Raw("invalid-utf8", "lone continuation", HostileExpectation.Refused, Utf8With([0x80, 0x80]));
        Raw("invalid-utf8", "utf-16 body labelled json", HostileExpectation.Refused, Encoding.Unicode.GetBytes("{\"type\":\"message\",\"text\":\"hi\"}"));
        Raw("bom", "utf-8 bom before json", HostileExpectation.NoServerError, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"bom\"}")]);
        Raw("oversized", "301k characters", HostileExpectation.Refused, Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"" + new string('x', 301_000) + "\"}"));
        Raw("oversized", "2 MB", HostileExpectation.Refused, Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"" + new string('x', 2_000_000) + "\"}"));
        Raw("oversized", "150k 3-byte characters", HostileExpectation.Refused, Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"" + string.Concat(Enumerable.Repeat("€", 310_000)) + "\"}"));
        var valid = Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"content type\"}");
        Raw("wrong-content-type", "text/plain", HostileExpectation.NoServerError, valid, "text/plain");
        Raw("wrong-content-type", "application/xml", HostileExpectation.NoServerError, valid, "application/xml");
        Raw("wrong-content-type", "form-urlencoded", HostileExpectation.NoServerError, valid, "application/x-www-form-urlencoded");
        Raw("wrong-content-type", "multipart without boundary", HostileExpectation.NoServerError, valid, "multipart/form-data");
        Raw("wrong-content-type", "none", HostileExpectation.NoServerError, valid, null);
        Raw("wrong-content-type", "json utf-16 charset", HostileExpectation.NoServerError, valid, "application/json; charset=utf-16");
        Raw("wrong-content-type", "xml body", HostileExpectation.Refused, Encoding.UTF8.GetBytes("<activity><type>message</type></activity>"), "application/xml");
        cases.Add(new HostileCase("upload", DirectLine, "multipart upload", HostileExpectation.Refused, c =>
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("<script>alert(1)</script>")), "file", "x.html" } };
            return Authorized(HttpMethod.Post, $"/v3/directline/conversations/{c.ConversationId}/upload?userId=x", c.Token, form);
        }));
    }

    private static void DirectLineAuthAndIds(List<HostileCase> cases)
    {
        void Auth(string name, Func<HostileContext, string?> credential, string? rawHeader = null) =>
            cases.Add(new HostileCase("bad-credential", DirectLine, name, HostileExpectation.Refused, c =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{c.VictimConversationId}/activities") { Content = Json(Message("let me in", "h-auth")) };
                if (rawHeader is not null)
                {
                    request.Headers.TryAddWithoutValidation("Authorization", rawHeader);
                }
                else if (credential(c) is { } value)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", value);
                }

                return request;
            }));

        Auth("no authorization", _ => null);
        Auth("bearer undefined", _ => "undefined");
        Auth("bearer empty", _ => null, "Bearer ");
        Auth("basic scheme", _ => null, "Basic dXNlcjpwYXNz");
        Auth("garbage token", _ => "not.a.jwt");
        Auth("10k token", _ => new string('a', 10_000));
        Auth("expired token of attacker", c => c.ExpiredToken);
        Auth("attacker's token on victim", c => c.Token);
        Auth("tampered token", c => c.TamperedToken);
        Auth("alg none token", c => c.UnsignedToken);
        Auth("secret with a typo", _ => BotApplication.Secret + "x");
        Auth("two authorization headers", _ => null, "Bearer a, Bearer b");

        void Get(string family, string name, HostileExpectation expect, Func<HostileContext, string> path, Func<HostileContext, string?> credential) =>
            cases.Add(new HostileCase(family, DirectLine, name, expect, c => Authorized(HttpMethod.Get, path(c), credential(c), null)));

        Get("unknown-id", "poll unknown conversation with secret", HostileExpectation.Refused, _ => "/v3/directline/conversations/does-not-exist/activities", _ => BotApplication.Secret);
        Get("unknown-id", "poll traversal id", HostileExpectation.Refused, _ => "/v3/directline/conversations/..%2F..%2Fapi%2Fadmin%2Fcustomers/activities", _ => BotApplication.Secret);
        Get("unknown-id", "poll 5000-char id", HostileExpectation.Refused, _ => $"/v3/directline/conversations/{new string('c', 5_000)}/activities", _ => BotApplication.Secret);
        Get("unknown-id", "poll emoji id", HostileExpectation.Refused, _ => "/v3/directline/conversations/%F0%9F%98%80/activities", _ => BotApplication.Secret);
        Get("unknown-id", "poll control-character id", HostileExpectation.Refused, _ => "/v3/directline/conversations/a%01b%1Bc/activities", _ => BotApplication.Secret);
        Get("unknown-id", "reconnect unknown conversation", HostileExpectation.Refused, _ => "/v3/directline/conversations/does-not-exist?watermark=", _ => BotApplication.Secret);
        Get("unknown-id", "poll victim with attacker token", HostileExpectation.Refused, c => $"/v3/directline/conversations/{c.VictimConversationId}/activities", c => c.Token);
        Get("unknown-id", "reconnect victim with attacker token", HostileExpectation.Refused, c => $"/v3/directline/conversations/{c.VictimConversationId}?watermark=", c => c.Token);
        Get("bad-watermark", "watermark -1", HostileExpectation.Refused, c => $"/v3/directline/conversations/{c.ConversationId}/activities?watermark=-1", c => c.Token);
        Get("bad-watermark", "watermark abc", HostileExpectation.Refused, c => $"/v3/directline/conversations/{c.ConversationId}/activities?watermark=abc", c => c.Token);
        Get("bad-watermark", "watermark 1e9", HostileExpectation.Refused, c => $"/v3/directline/conversations/{c.ConversationId}/activities?watermark=1e9", c => c.Token);
        Get("bad-watermark", "watermark 30 digits", HostileExpectation.NoServerError, c => $"/v3/directline/conversations/{c.ConversationId}/activities?watermark=999999999999999999999999999999", c => c.Token);
        Get("bad-watermark", "watermark sql", HostileExpectation.Refused, c => $"/v3/directline/conversations/{c.ConversationId}/activities?watermark=0%3BDROP%20TABLE%20Activities", c => c.Token);
        Get("bad-watermark", "watermark far future", HostileExpectation.NoServerError, c => $"/v3/directline/conversations/{c.ConversationId}/activities?watermark=99999999", c => c.Token);
        Get("stream", "stream without websocket", HostileExpectation.Refused, c => $"/v3/directline/conversations/{c.ConversationId}/stream?t={Uri.EscapeDataString(c.Token)}", _ => null);
        Get("stream", "stream with expired token", HostileExpectation.Refused, c => $"/v3/directline/conversations/{c.ConversationId}/stream?t={Uri.EscapeDataString(c.ExpiredToken)}", _ => null);
        Get("stream", "stream victim with attacker token", HostileExpectation.Refused, c => $"/v3/directline/conversations/{c.VictimConversationId}/stream?t={Uri.EscapeDataString(c.Token)}", _ => null);
        Get("stream", "stream without t", HostileExpectation.Refused, c => $"/v3/directline/conversations/{c.ConversationId}/stream", _ => null);

        void Post(string family, string name, HostileExpectation expect, string path, Func<HostileContext, string?> credential, string? body) =>
            cases.Add(new HostileCase(family, DirectLine, name, expect, c => Authorized(HttpMethod.Post, path, credential(c), body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"))));

        Post("bad-credential", "refresh with expired token", HostileExpectation.Refused, "/v3/directline/tokens/refresh", c => c.ExpiredToken, null);
        Post("bad-credential", "refresh with tampered token", HostileExpectation.Refused, "/v3/directline/tokens/refresh", c => c.TamperedToken, null);
        Post("bad-credential", "generate with a token", HostileExpectation.Refused, "/v3/directline/tokens/generate", c => c.Token, "{}");
        Post("bad-credential", "generate without secret", HostileExpectation.Refused, "/v3/directline/tokens/generate", _ => null, "{}");
        Post("hostile-start", "generate with html user", HostileExpectation.NoServerError, "/v3/directline/tokens/generate", _ => BotApplication.Secret, "{\"user\":{\"id\":\"<script>alert(1)</script>\",\"name\":\"<img src=x onerror=alert(1)>\"}}");
        Post("hostile-start", "generate with 10k user id", HostileExpectation.Refused, "/v3/directline/tokens/generate", _ => BotApplication.Secret, "{\"user\":{\"id\":\"" + new string('u', 10_000) + "\"}}");
        Post("hostile-start", "generate with dl_ user id", HostileExpectation.NoServerError, "/v3/directline/tokens/generate", _ => BotApplication.Secret, "{\"user\":{\"id\":\"dl_spoofed\"}}");
        Post("hostile-start", "generate with array body", HostileExpectation.NoServerError, "/v3/directline/tokens/generate", _ => BotApplication.Secret, "[1,2]");
        Post("hostile-start", "generate with malformed body", HostileExpectation.NoServerError, "/v3/directline/tokens/generate", _ => BotApplication.Secret, "{\"user\":");
        Post("hostile-start", "start victim with attacker token", HostileExpectation.NoServerError, "/v3/directline/conversations", c => c.Token, "{\"user\":{\"id\":\"victim-user\"}}");
        Post("hostile-start", "start with locale injection", HostileExpectation.NoServerError, "/v3/directline/conversations", c => c.Token, "{\"user\":{},\"locale\":\"<script>\"}");
        Post("hostile-start", "start with nested body", HostileExpectation.NoServerError, "/v3/directline/conversations", c => c.Token, "{\"user\":" + Nested(200).ToJsonString().Replace("{\"n\":", "[", StringComparison.Ordinal).Replace("}", "]", StringComparison.Ordinal) + "}");
        Post("hostile-start", "start with secret and no conversation", HostileExpectation.NoServerError, "/v3/directline/conversations", _ => BotApplication.Secret, "{\"user\":{\"id\":\"<b>x</b>\"}}");
    }

    private static void WebChatSession(List<HostileCase> cases)
    {
        void Session(string name, HostileExpectation expect, string body, string contentType = "application/json") =>
            cases.Add(new HostileCase("session", "webchat", name, expect, _ =>
                new HttpRequestMessage(HttpMethod.Post, "/api/webchat/session") { Content = new StringContent(body, Encoding.UTF8, contentType) }));

        Session("malformed json", HostileExpectation.Refused, "{\"conversationId\":");
        Session("wrong types", HostileExpectation.Refused, "{\"conversationId\":42,\"userId\":[1]}");
        Session("html demo user", HostileExpectation.Refused, "{\"demoUser\":\"<script>alert(1)</script>\"}");
        Session("10k demo user", HostileExpectation.Refused, "{\"demoUser\":\"" + new string('d', 10_000) + "\"}");
        Session("forged resume", HostileExpectation.Accepted, "{\"conversationId\":\"victim\",\"userId\":\"victim-user\"}");
        Session("nested 100", HostileExpectation.Refused, "{\"conversationId\":" + new string('[', 100) + new string(']', 100) + "}");
        Session("text/plain", HostileExpectation.Refused, "{}", "text/plain");
        Session("empty object", HostileExpectation.Accepted, "{}");
        Session("null", HostileExpectation.NoServerError, "null");
        Session("lone surrogate", HostileExpectation.NoServerError, "{\"demoUser\":\"\udc00\"}");
    }

    private static void SlackUnsigned(List<HostileCase> cases)
    {
        string[] bodies =
        [
            "{\"type\":\"url_verification\",\"challenge\":\"abc\"}",
            "{\"type\":\"event_callback\",\"event_id\":\"EvU1\",\"event\":{\"type\":\"message\",\"channel\":\"D0X\",\"user\":\"U0X\",\"text\":\"<script>\",\"ts\":\"1.1\"}}",
            "{",
            "",
        ];
        var n = 0;
        foreach (var body in bodies)
        {
            var id = n++;
            void Add(string name, Action<HttpRequestMessage, HostileContext, byte[]> sign) =>
                cases.Add(new HostileCase("unsigned", SlackEvents, $"{name} #{id}", HostileExpectation.Refused, c =>
                {
                    var bytes = Encoding.UTF8.GetBytes(body);
                    var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/events") { Content = new ByteArrayContent(bytes) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    sign(request, c, bytes);
                    return request;
                }));

            Add("no signature", (_, _, _) => { });
            Add("wrong secret", (r, c, b) => Sign(r, "not-the-secret", Unix(c.Now()), b));
            Add("stale timestamp", (r, c, b) => Sign(r, c.SlackSigningSecret, Unix(c.Now().AddMinutes(-10)), b));
            Add("future timestamp", (r, c, b) => Sign(r, c.SlackSigningSecret, Unix(c.Now().AddMinutes(10)), b));
            Add("non-numeric timestamp", (r, c, b) => Sign(r, c.SlackSigningSecret, "soon", b));
            Add("signature of other body", (r, c, _) => Sign(r, c.SlackSigningSecret, Unix(c.Now()), Encoding.UTF8.GetBytes("{}")));
        }

        cases.Add(new HostileCase("unsigned", SlackInteractions, "unsigned claim", HostileExpectation.Refused, _ =>
            new HttpRequestMessage(HttpMethod.Post, "/api/slack/interactions") { Content = new StringContent("payload=" + Uri.EscapeDataString("{\"type\":\"block_actions\"}"), Encoding.UTF8, "application/x-www-form-urlencoded") }));
        cases.Add(new HostileCase("unsigned", SlackEvents, "signature header v1 scheme", HostileExpectation.Refused, c =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/events") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Slack-Request-Timestamp", Unix(c.Now()));
            request.Headers.Add("X-Slack-Signature", "v1=" + new string('0', 64));
            return request;
        }));
    }

    private static void SlackSigned(List<HostileCase> cases)
    {
        var n = 0;
        foreach (var (family, text) in HostileTexts.All().Where(t => t.Text.Length < 20_000))
        {
            var id = n++;
            cases.Add(new HostileCase(family, SlackEvents, $"direct message #{id}", HostileExpectation.Accepted, c =>
                SignedJson(c, "/api/slack/events", SlackTestHost.MessageEvent(c.NextEventId(), HostileSlackChannel, HostileSlackUser, text, c.NextTs()))));
        }

        void Signed(string name, HostileExpectation expect, Func<HostileContext, string> body) =>
            cases.Add(new HostileCase("odd-event", SlackEvents, name, expect, c => SignedJson(c, "/api/slack/events", body(c))));

        Signed("url_verification html challenge", HostileExpectation.NoServerError, _ => "{\"type\":\"url_verification\",\"challenge\":\"<script>alert(1)</script>\"}");
        Signed("url_verification 100k challenge", HostileExpectation.NoServerError, _ => "{\"type\":\"url_verification\",\"challenge\":\"" + new string('c', 100_000) + "\"}");
        Signed("url_verification without challenge", HostileExpectation.Refused, _ => "{\"type\":\"url_verification\"}");
        Signed("event_callback without event", HostileExpectation.NoServerError, c => "{\"type\":\"event_callback\",\"event_id\":\"" + c.NextEventId() + "\"}");
        Signed("event is a string", HostileExpectation.NoServerError, c => "{\"type\":\"event_callback\",\"event_id\":\"" + c.NextEventId() + "\",\"event\":\"message\"}");
        Signed("unknown envelope type", HostileExpectation.NoServerError, _ => "{\"type\":\"made_up\"}");
        Signed("app_rate_limited", HostileExpectation.NoServerError, _ => "{\"type\":\"app_rate_limited\",\"minute_rate_limited\":1518467820,\"team_id\":\"T0001\"}");
        Signed("malformed json", HostileExpectation.Refused, _ => "{\"type\":");
        Signed("json array", HostileExpectation.NoServerError, _ => "[1,2,3]");
        Signed("nested 500", HostileExpectation.NoServerError, c => "{\"type\":\"event_callback\",\"event_id\":\"" + c.NextEventId() + "\",\"event\":" + Nested(500).ToJsonString() + "}");
        Signed("bot message", HostileExpectation.NoServerError, c => SlackTestHost.MessageEvent(c.NextEventId(), HostileSlackChannel, HostileSlackUser, "from a bot", c.NextTs(), more: new Dictionary<string, object?> { ["bot_id"] = "BOTHER", ["subtype"] = "bot_message" }));
        Signed("message_changed", HostileExpectation.NoServerError, c => SlackTestHost.MessageEvent(c.NextEventId(), HostileSlackChannel, HostileSlackUser, "edited", c.NextTs(), more: new Dictionary<string, object?> { ["subtype"] = "message_changed" }));
        Signed("message without user", HostileExpectation.NoServerError, c => "{\"type\":\"event_callback\",\"event_id\":\"" + c.NextEventId() + "\",\"event\":{\"type\":\"message\",\"channel\":\"D0X\",\"text\":\"hi\",\"ts\":\"1.2\"}}");
        Signed("text is object", HostileExpectation.NoServerError, c => "{\"type\":\"event_callback\",\"event_id\":\"" + c.NextEventId() + "\",\"event\":{\"type\":\"message\",\"channel\":\"D0X\",\"user\":\"U0X\",\"text\":{\"a\":1},\"ts\":\"1.3\"}}");
        Signed("10k channel id", HostileExpectation.NoServerError, c => SlackTestHost.MessageEvent(c.NextEventId(), "D" + new string('X', 10_000), HostileSlackUser, "long channel", c.NextTs()));
        Signed("channel id with html", HostileExpectation.NoServerError, c => SlackTestHost.MessageEvent(c.NextEventId(), "D<script>", HostileSlackUser, "html channel", c.NextTs()));
        Signed("duplicate event id", HostileExpectation.NoServerError, _ => SlackTestHost.MessageEvent("EvHostileDuplicate", HostileSlackChannel, HostileSlackUser, "same event twice", "1772443800.999999"));
        Signed("duplicate event id again", HostileExpectation.NoServerError, _ => SlackTestHost.MessageEvent("EvHostileDuplicate", HostileSlackChannel, HostileSlackUser, "same event twice", "1772443800.999999"));
        cases.Add(new HostileCase("odd-event", SlackEvents, "invalid utf-8 signed", HostileExpectation.NoServerError, c =>
            SignedBytes(c, "/api/slack/events", Utf8With([0xC0, 0xAF]), "application/json")));
        cases.Add(new HostileCase("odd-event", SlackEvents, "retry header garbage", HostileExpectation.NoServerError, c =>
        {
            var request = SignedJson(c, "/api/slack/events", SlackTestHost.MessageEvent(c.NextEventId(), HostileSlackChannel, HostileSlackUser, "retry", c.NextTs()));
            request.Headers.Add("X-Slack-Retry-Num", "-99999999999");
            request.Headers.Add("X-Slack-Retry-Reason", "<script>");
            return request;
        }));
        cases.Add(new HostileCase("oversized", SlackEvents, "2 MB signed", HostileExpectation.Refused, c =>
            SignedBytes(c, "/api/slack/events", Encoding.UTF8.GetBytes("{\"type\":\"x\",\"pad\":\"" + new string('p', 2_000_000) + "\"}"), "application/json")));
    }

    private static void SlackInteractivity(List<HostileCase> cases)
    {
        void Form(string name, HostileExpectation expect, Func<HostileContext, string> body, string contentType = "application/x-www-form-urlencoded") =>
            cases.Add(new HostileCase("odd-interaction", SlackInteractions, name, expect, c => SignedBytes(c, "/api/slack/interactions", Encoding.UTF8.GetBytes(body(c)), contentType)));
        string Payload(string json) => "payload=" + Uri.EscapeDataString(json);

        Form("no payload field", HostileExpectation.Refused, _ => "x=1");
        Form("payload not json", HostileExpectation.Refused, _ => Payload("{not json"));
        Form("payload array", HostileExpectation.Refused, _ => Payload("[1]"));
        Form("unknown interaction type", HostileExpectation.NoServerError, _ => Payload("{\"type\":\"view_submission\"}"));
        Form("block_actions without actions", HostileExpectation.NoServerError, _ => Payload("{\"type\":\"block_actions\",\"user\":{\"id\":\"U0AGENT\"}}"));
        Form("unknown action id", HostileExpectation.NoServerError, _ => Payload("{\"type\":\"block_actions\",\"user\":{\"id\":\"U0AGENT\"},\"actions\":[{\"action_id\":\"drop_tables\",\"value\":\"x\"}]}"));
        Form("claim unknown conversation", HostileExpectation.NoServerError, _ => Payload("{\"type\":\"block_actions\",\"user\":{\"id\":\"U0AGENT\"},\"actions\":[{\"action_id\":\"escalation_claim\",\"value\":\"does-not-exist\"}]}"));
        Form("claim with html value", HostileExpectation.NoServerError, _ => Payload("{\"type\":\"block_actions\",\"user\":{\"id\":\"<script>\"},\"actions\":[{\"action_id\":\"escalation_claim\",\"value\":\"<img src=x onerror=alert(1)>\"}]}"));
        Form("resolve victim by a stranger", HostileExpectation.NoServerError, c => Payload("{\"type\":\"block_actions\",\"user\":{\"id\":\"U0STRANGER\"},\"actions\":[{\"action_id\":\"escalation_resolve\",\"value\":\"" + c.VictimConversationId + "\"}]}"));
        Form("json content type", HostileExpectation.NoServerError, _ => "{\"type\":\"block_actions\"}", "application/json");
        Form("payload nested 300", HostileExpectation.NoServerError, _ => Payload(Nested(300).ToJsonString()));
        Form("invalid percent encoding", HostileExpectation.NoServerError, _ => "payload=%ZZ%");
        Form("payload 500k", HostileExpectation.NoServerError, _ => Payload("{\"type\":\"block_actions\",\"pad\":\"" + new string('p', 500_000) + "\"}"));
    }

    private static void AgentApi(List<HostileCase> cases)
    {
        void Keyed(string family, string name, HostileExpectation expect, HttpMethod method, Func<HostileContext, string> path, string? body = null, string contentType = "application/json", Func<HostileContext, string>? key = null) =>
            cases.Add(new HostileCase(family, Agent, name, expect, c =>
            {
                var request = new HttpRequestMessage(method, path(c));
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, contentType);
                }

                request.Headers.TryAddWithoutValidation("X-Api-Key", key?.Invoke(c) ?? c.AgentApiKey);
                return request;
            }));

        var n = 0;
        foreach (var (family, text) in HostileTexts.All().Where(t => t.Family is "html-injection" or "markdown-injection" or "control-characters" or "special-token"))
        {
            var id = n++;
            Keyed(family, $"agent reply #{id}", HostileExpectation.NoServerError, HttpMethod.Post, c => $"/api/agent/conversations/{c.VictimConversationId}/reply", JsonSerializer.Serialize(new { text }));
        }

        Keyed("oversized", "reply 5,000 characters", HostileExpectation.Refused, HttpMethod.Post, c => $"/api/agent/conversations/{c.VictimConversationId}/reply", JsonSerializer.Serialize(new { text = new string('r', 5_000) }));
        Keyed("oversized", "reply body 200 KB", HostileExpectation.Refused, HttpMethod.Post, c => $"/api/agent/conversations/{c.VictimConversationId}/reply", JsonSerializer.Serialize(new { text = new string('r', 200_000) }));
        Keyed("whitespace-only", "reply blank", HostileExpectation.Refused, HttpMethod.Post, c => $"/api/agent/conversations/{c.VictimConversationId}/reply", "{\"text\":\"   \"}");
        Keyed("malformed-json", "reply malformed", HostileExpectation.Refused, HttpMethod.Post, c => $"/api/agent/conversations/{c.VictimConversationId}/reply", "{\"text\":");
        Keyed("malformed-json", "reply text number", HostileExpectation.Refused, HttpMethod.Post, c => $"/api/agent/conversations/{c.VictimConversationId}/reply", "{\"text\":5}");
        Keyed("deep-json", "reply nested 50", HostileExpectation.Refused, HttpMethod.Post, c => $"/api/agent/conversations/{c.VictimConversationId}/reply", "{\"text\":" + new string('[', 50) + new string(']', 50) + "}");
        Keyed("wrong-content-type", "reply text/plain", HostileExpectation.Refused, HttpMethod.Post, c => $"/api/agent/conversations/{c.VictimConversationId}/reply", "hello", "text/plain");
        Keyed("unknown-id", "claim unknown", HostileExpectation.Refused, HttpMethod.Post, _ => "/api/agent/conversations/does-not-exist/claim", "{}");
        Keyed("unknown-id", "resolve traversal", HostileExpectation.Refused, HttpMethod.Post, _ => "/api/agent/conversations/..%2F..%2Fadmin/resolve", "{}");
        Keyed("unknown-id", "view 5000-char id", HostileExpectation.Refused, HttpMethod.Get, _ => $"/api/agent/conversations/{new string('x', 5_000)}");
        Keyed("unknown-id", "view html id", HostileExpectation.Refused, HttpMethod.Get, _ => "/api/agent/conversations/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Keyed("bad-query", "queue view html", HostileExpectation.Refused, HttpMethod.Get, _ => "/api/agent/queue?view=%3Cscript%3E");
        Keyed("bad-query", "queue limit negative", HostileExpectation.Refused, HttpMethod.Get, _ => "/api/agent/queue?limit=-5");
        Keyed("bad-query", "queue limit huge", HostileExpectation.Refused, HttpMethod.Get, _ => "/api/agent/queue?limit=99999999999");
        Keyed("bad-credential", "wrong api key", HostileExpectation.Refused, HttpMethod.Get, _ => "/api/agent/queue", key: _ => "csk_wrong");
        Keyed("bad-credential", "100k api key", HostileExpectation.Refused, HttpMethod.Get, _ => "/api/agent/queue", key: _ => new string('k', 100_000));
        Keyed("bad-credential", "admin key on agent api", HostileExpectation.Refused, HttpMethod.Get, _ => "/api/agent/queue", key: c => c.AdminKey);

        void Anonymous(string family, string name, HostileExpectation expect, string path, string body, string contentType = "application/json") =>
            cases.Add(new HostileCase(family, Agent, name, expect, _ =>
                new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) }));

        Anonymous("bad-credential", "login without antiforgery", HostileExpectation.Refused, "/api/agent/login", "{\"userName\":\"alice\",\"password\":\"x\"}");
        Anonymous("malformed-json", "login malformed", HostileExpectation.Refused, "/api/agent/login", "{\"userName\":");
        Anonymous("html-injection", "login html user", HostileExpectation.Refused, "/api/agent/login", "{\"userName\":\"<script>alert(1)</script>\",\"password\":\"x\"}");
        Anonymous("oversized", "login 1 MB password", HostileExpectation.Refused, "/api/agent/login", "{\"userName\":\"alice\",\"password\":\"" + new string('p', 1_000_000) + "\"}");
        Anonymous("wrong-content-type", "login form", HostileExpectation.Refused, "/api/agent/login", "userName=alice&password=x", "application/x-www-form-urlencoded");
        Anonymous("bad-credential", "reply without login", HostileExpectation.Refused, "/api/agent/conversations/x/reply", "{\"text\":\"hi\"}");
    }

    private static void AdminApi(List<HostileCase> cases)
    {
        void Admin(string family, string name, HostileExpectation expect, HttpMethod method, string path, Func<HostileContext, string?> key) =>
            cases.Add(new HostileCase(family, "admin", name, expect, c =>
            {
                var request = new HttpRequestMessage(method, path);
                if (key(c) is { } value)
                {
                    request.Headers.TryAddWithoutValidation("X-Api-Key", value);
                }

                return request;
            }));

        Admin("bad-credential", "export without key", HostileExpectation.Refused, HttpMethod.Get, "/api/admin/customers/cus_demo_ada/export", _ => null);
        Admin("bad-credential", "erase with agent key", HostileExpectation.Refused, HttpMethod.Delete, "/api/admin/customers/cus_demo_ada", c => c.AgentApiKey);
        Admin("bad-credential", "erase with 100k key", HostileExpectation.Refused, HttpMethod.Delete, "/api/admin/customers/cus_demo_ada", _ => new string('k', 100_000));
        Admin("unknown-id", "export control char id", HostileExpectation.Refused, HttpMethod.Get, "/api/admin/customers/%01%02/export", c => c.AdminKey);
        Admin("unknown-id", "erase 5000-char id", HostileExpectation.Refused, HttpMethod.Delete, $"/api/admin/customers/{new string('i', 5_000)}", c => c.AdminKey);
        Admin("unknown-id", "lookup html identity", HostileExpectation.Refused, HttpMethod.Get, "/api/admin/customers?channelId=%3Cscript%3E&userId=%3Cimg%3E", c => c.AdminKey);
        Admin("bad-query", "retention negative days", HostileExpectation.Refused, HttpMethod.Post, "/api/admin/retention?olderThanDays=-1", c => c.AdminKey);
        Admin("bad-query", "retention days not a number", HostileExpectation.Refused, HttpMethod.Post, "/api/admin/retention?olderThanDays=ten", c => c.AdminKey);
    }

    public static JsonObject Message(string text, string clientActivityId, JsonObject? from = null, Action<JsonObject>? extra = null)
    {
        var message = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = from ?? new JsonObject { ["id"] = "r_hostile", ["name"] = "Mallory", ["role"] = "user" },
            ["locale"] = "en-US",
            ["channelId"] = "webchat",
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
        };
        extra?.Invoke(message);
        return message;
    }

    private static HttpRequestMessage PostActivity(HostileContext context, JsonObject activity) =>
        Authorized(HttpMethod.Post, $"/v3/directline/conversations/{context.ConversationId}/activities", context.Token, Json(activity));

    private static HttpRequestMessage PostBytes(string path, string credential, byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return Authorized(HttpMethod.Post, path, credential, content);
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string? credential, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        return request;
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static JsonNode Nested(int depth)
    {
        JsonNode node = JsonValue.Create(1);
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["n"] = node };
        }

        return node;
    }

    /// <summary>A message activity whose text contains the given raw bytes (never valid UTF-8 on their own).</summary>
    private static byte[] Utf8With(byte[] raw) =>
        [.. Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"bad "), .. raw, .. Encoding.UTF8.GetBytes(" bytes\"}")];

    private static HttpRequestMessage SignedJson(HostileContext context, string path, string json) =>
        SignedBytes(context, path, Encoding.UTF8.GetBytes(json), "application/json");

    private static HttpRequestMessage SignedBytes(HostileContext context, string path, byte[] body, string contentType) =>
        SlackRequestSigner.SignedPost(new Uri(path, UriKind.Relative), body, contentType, context.SlackSigningSecret, context.Now());

    private static void Sign(HttpRequestMessage request, string secret, string timestamp, byte[] body)
    {
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackRequestSigner.Signature(secret, timestamp, body));
    }

    private static string Unix(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}

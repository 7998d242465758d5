using System.Net;
using System.Text.Json.Nodes;
using CustomerService.Bot.Channels.DirectLine;
using CustomerService.Bot.Tests.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerService.Bot.Tests.Security;

/// <summary>
/// Direct Line tokens are signed, expire and open one conversation only: every route refuses a token for another
/// conversation, an expired one, one signed with another key, and one of the wrong scope, with 403 and no change.
/// </summary>
public sealed class DirectLineTokenScopeTests : IDisposable
{
    private const string Canary = "scope-canary-8812";

    private static readonly string[] AcceptedCodes = ["Forbidden", "TokenInvalid", "TokenExpired"];

    private readonly BotApplication _app = new();
    private readonly DirectLineTestClient _client;

    public DirectLineTokenScopeTests() => _client = new DirectLineTestClient(_app);

    private static readonly string[] Operations = ["poll", "post", "reconnect", "upload", "stream"];
    private static readonly string[] Credentials = ["other-conversation", "expired", "foreign-key", "wrong-scope"];

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in Operations)
        {
            foreach (var credential in Credentials)
            {
                data.Add(operation, credential);
            }
        }

        return data;
    }

    public void Dispose() => _app.Dispose();

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Route_WithTokenNotValidForTheConversation_Returns403AndChangesNothing(string operation, string credential)
    {
        var a = await _client.StartAsync("owner-a");
        var b = await _client.StartAsync("intruder-b");
        var tokens = _app.Services.GetRequiredService<DirectLineTokenService>();
        var presented = Present(operation, credential, a, b, tokens);

        using var response = await SendAsync(operation, a.ConversationId, presented);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var code = DirectLineTestClient.ReadError(await DirectLineTestClient.ReadJsonAsync(response)).Code;
        Assert.Contains(code, AcceptedCodes);
        var fresh = tokens.IssueConversationToken(a.ConversationId, "owner-a", null);
        var (activities, _) = await _client.PollAsync(a.ConversationId, fresh, null);
        Assert.DoesNotContain(Canary, activities.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ClaimingAnotherUser_IsStoredAsTheTokensUser()
    {
        var a = await _client.StartAsync("owner-a");
        var message = DirectLineTestClient.Message("who am I", "c-1");
        message["from"] = new JsonObject { ["id"] = "victim-user", ["name"] = "Victim", ["role"] = "bot" };

        using var response = await _client.PostActivityAsync(a.ConversationId, a.Token, message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (activities, _) = await _client.PollAsync(a.ConversationId, a.Token, null);
        var echo = activities.OfType<JsonObject>().Single(x => x["text"]?.GetValue<string>() == "who am I");
        Assert.Equal("owner-a", echo["from"]!["id"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_TokenForA_StaysScopedToA()
    {
        var a = await _client.StartAsync("owner-a");
        var b = await _client.StartAsync("intruder-b");

        using var refreshed = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", a.Token, null);
        var token = (await DirectLineTestClient.ReadJsonAsync(refreshed))["token"]!.GetValue<string>();
        using var poll = await _client.GetAsync($"/v3/directline/conversations/{b.ConversationId}/activities", token);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(a.ConversationId, DirectLineTokenTests.DecodePayload(token)["conv"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
    }

    private string Present(string operation, string credential, StartedConversation a, StartedConversation b, DirectLineTokenService tokens)
    {
        var stream = operation == "stream";
        switch (credential)
        {
            case "other-conversation":
                return stream ? tokens.IssueStreamToken(b.ConversationId, "intruder-b") : b.Token;
            case "expired":
                var token = stream ? tokens.IssueStreamToken(a.ConversationId, "owner-a") : a.Token;
                _app.Clock.Advance(TimeSpan.FromMinutes(31));
                return token;
            case "foreign-key":
                var foreign = new DirectLineTokenService(
                    Options.Create(new DirectLineOptions { Secret = BotApplication.Secret, TokenSigningKey = "another-signing-key-0123456789abcdef-xyz" }),
                    _app.Clock,
                    NullLogger<DirectLineTokenService>.Instance);
                return stream ? foreign.IssueStreamToken(a.ConversationId, "owner-a") : foreign.IssueConversationToken(a.ConversationId, "owner-a", null);
            default:
                // The other scope: a conversation token in t=, or a stream token as Bearer.
                return stream ? a.Token : tokens.IssueStreamToken(a.ConversationId, "owner-a");
        }
    }

    private Task<HttpResponseMessage> SendAsync(string operation, string conversationId, string credential)
    {
        var root = $"/v3/directline/conversations/{conversationId}";
        return operation switch
        {
            "poll" => _client.GetAsync(root + "/activities", credential),
            "post" => _client.PostActivityAsync(conversationId, credential, DirectLineTestClient.Message(Canary, "c-x")),
            "reconnect" => _client.GetAsync(root + "?watermark=", credential),
            "upload" => _client.PostRawAsync(root + "/upload", credential, Canary, "text/plain"),
            _ => _client.GetAsync(root + "/stream?t=" + Uri.EscapeDataString(credential), null),
        };
    }
}

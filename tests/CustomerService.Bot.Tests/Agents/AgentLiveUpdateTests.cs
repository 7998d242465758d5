using System.Net;
using System.Text.Json.Nodes;

namespace CustomerService.Bot.Tests.Agents;

public sealed class AgentLiveUpdateTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);
    private readonly BotApplication _app = new(AgentTestOptions.AsConfiguration());
    private AgentTestClient _alice = null!;

    public async Task InitializeAsync() => _alice = await AgentTestClient.SignedInAsync(_app, "alice", AgentTestOptions.AlicePassword);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Events_Connected_StreamsResyncAsServerSentEvents()
    {
        using var response = await _alice.Http.GetAsync(new Uri("/api/agent/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var (name, _) = await NextEventAsync(reader);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("resync", name);
    }

    [Fact]
    public async Task Events_ClaimAndCustomerMessage_ArriveWithoutReload()
    {
        await using var customer = await EscalatedCustomer.CreateAsync(_app);
        using var response = await _alice.Http.GetAsync(new Uri("/api/agent/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await NextEventAsync(reader);

        using var claim = await _alice.ClaimAsync(customer.ConversationId);
        var (claimed, claimData) = await NextEventAsync(reader);
        await customer.DirectLine.SendMessageAsync(customer.ConversationId, customer.Conversation.Token, "are you there?", "c-live");
        var (activity, activityData) = await NextEventAsync(reader, skip: "escalation");

        Assert.Equal("escalation", claimed);
        Assert.Equal(customer.ConversationId, claimData["conversationId"]!.GetValue<string>());
        Assert.Equal("activity", activity);
        Assert.Equal(customer.ConversationId, activityData["conversationId"]!.GetValue<string>());
        Assert.DoesNotContain("are you there", activityData.ToJsonString(), StringComparison.Ordinal);
    }

    // Reads one SSE event (lines up to a blank line); keep-alive pings and the named kind to skip are passed over.
    private static async Task<(string Name, JsonObject Data)> NextEventAsync(StreamReader reader, string? skip = null)
    {
        using var timeout = new CancellationTokenSource(EventTimeout);
        while (true)
        {
            string? name = null;
            string? data = null;
            string? line;
            while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(timeout.Token)))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = line["data: ".Length..];
                }
            }

            Assert.NotNull(line);
            if (name is null || name == "ping" || name == skip)
            {
                continue;
            }

            return (name, JsonNode.Parse(data!)!.AsObject());
        }
    }
}

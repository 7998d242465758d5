using System.Text.Json.Nodes;
using CustomerService.Bot.Tests.Channels.DirectLine;

namespace CustomerService.Bot.Tests.Security;

/// <summary>A Web Chat customer on Direct Line with an open stream, who waits for the bot's answer to each message.</summary>
internal sealed class TestCustomer : IAsyncDisposable
{
    public const string HumanPlease = "I want to talk to a human please";

    private int _sent;

    private TestCustomer(BotApplication app, DirectLineTestClient client, StartedConversation conversation, DirectLineTestSocket stream, string userId)
    {
        App = app;
        Client = client;
        Conversation = conversation;
        Stream = stream;
        UserId = userId;
    }

    public BotApplication App { get; }

    public DirectLineTestClient Client { get; }

    public StartedConversation Conversation { get; }

    public DirectLineTestSocket Stream { get; }

    public string UserId { get; }

    public string ConversationId => Conversation.ConversationId;

    public static async Task<TestCustomer> StartAsync(BotApplication app, string? userId = null)
    {
        userId ??= "customer-" + Guid.NewGuid().ToString("N")[..10];
        var client = new DirectLineTestClient(app);
        var conversation = await client.StartAsync(userId);
        var stream = await client.OpenStreamAsync(conversation.StreamUrl);
        return new TestCustomer(app, client, conversation, stream, userId);
    }

    /// <summary>Sends <paramref name="text"/> and waits until the bot's answer is committed (typing comes before the commit).</summary>
    public async Task<string> SayAsync(string text)
    {
        var id = await Client.SendMessageAsync(ConversationId, Conversation.Token, text, $"c-{_sent++}");
        await Stream.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == id && a["type"]?.GetValue<string>() != "typing");
        return id;
    }

    /// <summary>Asks for a human and waits for the handoff event (the escalation and its outbox row are committed by then).</summary>
    public async Task EscalateAsync()
    {
        App.Nlu.Script(HumanPlease, "contact_human_agent");
        await Client.SendMessageAsync(ConversationId, Conversation.Token, HumanPlease, $"c-{_sent++}");
        await Stream.WaitForAsync(a => a["name"]?.GetValue<string>() == "handoff.initiate");
    }

    public async Task<JsonArray> PollAsync() => (await Client.PollAsync(ConversationId, Conversation.Token, null)).Activities;

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}

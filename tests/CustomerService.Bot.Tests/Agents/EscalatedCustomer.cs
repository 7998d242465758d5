using System.Text.Json.Nodes;
using CustomerService.Bot.Tests.Channels.DirectLine;

namespace CustomerService.Bot.Tests.Agents;

/// <summary>A Web Chat customer (Direct Line) who asked for a human; the escalation is committed once created.</summary>
internal sealed class EscalatedCustomer : IAsyncDisposable
{
    public const string HumanPlease = "I want to talk to a human please";

    private EscalatedCustomer(DirectLineTestClient directLine, StartedConversation conversation, DirectLineTestSocket stream)
    {
        DirectLine = directLine;
        Conversation = conversation;
        Stream = stream;
    }

    public DirectLineTestClient DirectLine { get; }

    public StartedConversation Conversation { get; }

    public DirectLineTestSocket Stream { get; }

    public string ConversationId => Conversation.ConversationId;

    /// <summary>Starts a conversation, says <paramref name="firstMessages"/>, then asks for a human and waits for the handoff event.</summary>
    public static async Task<EscalatedCustomer> CreateAsync(BotApplication app, params string[] firstMessages)
    {
        app.Nlu.Script(HumanPlease, "contact_human_agent");
        var directLine = new DirectLineTestClient(app);
        var conversation = await directLine.StartAsync("customer-" + Guid.NewGuid().ToString("N")[..8]);
        var stream = await directLine.OpenStreamAsync(conversation.StreamUrl);
        var customer = new EscalatedCustomer(directLine, conversation, stream);
        var n = 0;
        foreach (var text in firstMessages.Append(HumanPlease))
        {
            var id = await directLine.SendMessageAsync(conversation.ConversationId, conversation.Token, text, $"c-{n++}");
            await stream.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == id || IsHandoff(a));
        }

        // handoff.initiate goes out after the turn committed the escalation and its outbox row.
        await stream.WaitForAsync(IsHandoff);
        return customer;
    }

    /// <summary>The customer's view of the conversation, as Web Chat would poll it.</summary>
    public async Task<JsonArray> PollAsync() => (await DirectLine.PollAsync(ConversationId, Conversation.Token, null)).Activities;

    public ValueTask DisposeAsync() => Stream.DisposeAsync();

    private static bool IsHandoff(JsonObject activity) => activity["name"]?.GetValue<string>() == "handoff.initiate";
}

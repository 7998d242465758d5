using CustomerService.Core.Activities;
using CustomerService.Core.Conversations;
using CustomerService.Core.Ports;

namespace CustomerService.Core.Turns;

/// <summary>
/// Everything one turn knows and does: the inbound activity, the conversation's state, the customer's
/// context, what the router understood, and the replies staged so far. Lives for one turn in one DI scope.
/// </summary>
internal sealed class TurnContext
{
    /// <summary>Outbound text longer than this is cut; no channel renders more usefully.</summary>
    public const int MaxOutboundTextLength = 4000;

    private readonly ITranscriptStore _transcript;
    private readonly List<Activity> _sent = [];

    public TurnContext(TurnRequest request, ITranscriptStore transcript, ChannelAccount bot)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(bot);
        Request = request;
        _transcript = transcript;
        Bot = bot;
    }

    public TurnRequest Request { get; }

    public string ConversationId => Request.ConversationId;

    public string ChannelId => Request.ChannelId;

    public StoredActivity Inbound => Request.Inbound;

    public Activity Activity => Request.Inbound.Activity;

    /// <summary>The bot's account, used as <c>from</c> of every reply.</summary>
    public ChannelAccount Bot { get; }

    /// <summary>Set by the ConversationState middleware; null only before it ran (or when loading failed).</summary>
    public ConversationState? State { get; set; }

    public ConversationState RequiredState =>
        State ?? throw new InvalidOperationException("Conversation state is not loaded; the ConversationState middleware must run first.");

    public CustomerContext Customer { get; set; } = CustomerContext.Anonymous;

    /// <summary>What the router understood (a rule match has confidence 1 and no alternatives).</summary>
    public IntentPrediction? Prediction { get; set; }

    /// <summary>Dialog that handled the turn, for the annotation.</summary>
    public string? DialogId { get; set; }

    /// <summary>Hooks run in order on every outbound activity before it is staged.</summary>
    public IList<SendHook> OnSend { get; } = new List<SendHook>();

    /// <summary>Activities staged by this turn, in order.</summary>
    public IReadOnlyList<Activity> Sent => _sent;

    public bool Escalated { get; set; }

    /// <summary>Set by the error boundary when the turn threw and the customer got the apology instead.</summary>
    public bool Failed { get; set; }

    // G7: replyToId must name an activity the client has. conversationUpdate is never delivered to clients (G6),
    // so replies to it (the welcome) name nothing; otherwise Web Chat holds them for 5 s waiting for it.
    private string? ReplyTarget => Activity.Type == ActivityTypes.ConversationUpdate ? null : Activity.Id;

    /// <summary>
    /// Addresses <paramref name="activity"/> as a reply to the inbound activity, runs the send hooks and stages
    /// it for the turn's commit. It reaches the customer only after the commit. Incoming channelData is never
    /// copied; the channel assigns id and timestamp.
    /// </summary>
    public async Task<Activity> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var addressed = activity with
        {
            Id = null,
            Timestamp = null,
            ChannelId = ChannelId,
            From = activity.From ?? Bot,
            Recipient = activity.Recipient ?? CustomerAccount(),
            Conversation = new ConversationAccount(ConversationId),
            ReplyToId = activity.ReplyToId ?? ReplyTarget,
            Locale = activity.Locale ?? Request.Locale ?? Activity.Locale,
            Text = Cap(activity.Text),

            // Plain text: customer data and generated text must never render as markdown or HTML.
            TextFormat = activity.Type == ActivityTypes.Message ? activity.TextFormat ?? "plain" : activity.TextFormat,
        };

        foreach (var hook in OnSend)
        {
            addressed = await hook(this, addressed, cancellationToken);
        }

        _transcript.Stage(ConversationId, addressed);
        _sent.Add(addressed);
        return addressed;
    }

    /// <summary>Shows the typing indicator at once (ephemeral, never stored). Call before the work, never after replies.</summary>
    public ValueTask SendTypingAsync(CancellationToken cancellationToken)
    {
        var typing = new Activity
        {
            Type = ActivityTypes.Typing,
            ChannelId = ChannelId,
            From = Bot,
            Recipient = CustomerAccount(),
            Conversation = new ConversationAccount(ConversationId),
            ReplyToId = ReplyTarget,
        };
        return Request.Sink.SendEphemeralAsync(ConversationId, typing, cancellationToken);
    }

    private ChannelAccount CustomerAccount() =>
        new(Request.Customer.Id, Request.Customer.Name, Request.Customer.Role ?? RoleTypes.User);

    private static string? Cap(string? text) =>
        text is { Length: > MaxOutboundTextLength } ? string.Concat(text.AsSpan(0, MaxOutboundTextLength - 1), "…") : text;
}

namespace CustomerService.Bot.Channels.Slack.WebApi;

/// <summary>
/// The Slack Web API methods we call. Every method checks <c>ok</c> and throws <see cref="SlackApiException"/>
/// for <c>ok:false</c>; 429 (honouring <c>Retry-After</c> seconds), 5xx and network errors are retried first.
/// </summary>
internal interface ISlackApiClient
{
    /// <summary>chat.postMessage; returns the posted message's channel and ts.</summary>
    Task<SlackMessageRef> PostMessageAsync(ChatPostMessageRequest request, CancellationToken cancellationToken);

    /// <summary>chat.update of a message this bot posted.</summary>
    Task UpdateMessageAsync(ChatUpdateRequest request, CancellationToken cancellationToken);

    /// <summary>chat.postEphemeral: a message only <see cref="ChatPostEphemeralRequest.User"/> sees.</summary>
    Task PostEphemeralAsync(ChatPostEphemeralRequest request, CancellationToken cancellationToken);

    /// <summary>auth.test with the bot token: who we are (bot user id, bot id, team).</summary>
    Task<SlackIdentity> AuthTestAsync(CancellationToken cancellationToken);

    /// <summary>apps.connections.open with the app token: a single-use Socket Mode URL.</summary>
    Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken);
}

using System.Collections.Concurrent;
using CustomerService.Bot.Channels.Slack.WebApi;

namespace CustomerService.Bot.Tests.Slack;

/// <summary>An <see cref="ISlackApiClient"/> that records posts, for unit tests that need no HTTP.</summary>
internal sealed class RecordingSlackApiClient : ISlackApiClient
{
    public ConcurrentQueue<ChatPostMessageRequest> Posts { get; } = new();

    /// <summary>When set, every post fails with this Slack error code.</summary>
    public string? FailWith { get; set; }

    public Task<SlackMessageRef> PostMessageAsync(ChatPostMessageRequest request, CancellationToken cancellationToken)
    {
        if (FailWith is { } code)
        {
            throw new SlackApiException("chat.postMessage", code, 200);
        }

        Posts.Enqueue(request);
        return Task.FromResult(new SlackMessageRef(request.Channel, "1700000000." + Posts.Count.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)));
    }

    public Task UpdateMessageAsync(ChatUpdateRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PostEphemeralAsync(ChatPostEphemeralRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<SlackIdentity> AuthTestAsync(CancellationToken cancellationToken) => Task.FromResult(new SlackIdentity("UBOT", "BBOT", "T0001"));

    public Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken) => Task.FromResult(new Uri("wss://slack.test/link"));
}
